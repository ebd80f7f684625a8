const use = require('./lib/use');

async function main() {
  console.log(await use.viaAlias('a'), await use.viaCall('b'), await use.viaApply('c'), await use.viaDestructure('d'));
}

main().catch(error => {
  console.error(error);
  process.exitCode = 1;
});
