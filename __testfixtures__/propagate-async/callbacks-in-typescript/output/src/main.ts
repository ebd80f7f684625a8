import { describeStock, stockCounts, stockGrid, stockLines, stockReader, totalStock } from './report';

async function main() {
  console.log((await stockLines(['apple', 'fig'])).join('\n'));
  console.log(`total: ${await totalStock(['apple', 'fig'])}`);
  console.log(`counts: ${(await stockReader(['apple', 'fig']))()}`);
  console.log((await describeStock(new Map([['Apples', 'apple'], ['Figs', 'fig']]))).join('; '));
  console.log((await stockCounts(['apple', 'fig'])).join(','), JSON.stringify(await stockGrid([['apple'], ['fig', 'apple']])));
}

main().catch(error => {
  console.error(error);
  process.exitCode = 1;
});
