const { log } = require('./store');
const batch = require('./batch');

async function main() {
  console.log((await batch.saveAll([1, 2, 3])).join(','));
  console.log(await batch.describeAll([4, 5]));
  console.log((await batch.saveByName([6, 7])).join(','));
  await batch.touchAll([8, 9]);
  console.log((await batch.saveValues(new Map([['a', 3], ['b', 4]]))).join(','));
  try {
    await batch.saveAll([1, 0, 2]);
  } catch (error) {
    console.log(`failed: ${error.message}`);
  }
  console.log(log.join('\n'));
}

main().catch(error => {
  console.error(error);
  process.exitCode = 1;
});
