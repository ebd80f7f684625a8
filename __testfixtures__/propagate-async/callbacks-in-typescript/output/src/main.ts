import { stockLines, totalStock } from './report';

async function main() {
  console.log((await stockLines(['apple', 'fig'])).join('\n'));
  console.log(`total: ${await totalStock(['apple', 'fig'])}`);
}

main().catch(error => {
  console.error(error);
  process.exitCode = 1;
});
