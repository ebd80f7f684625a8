const { log } = require('./store');
const { saveAll, saveEach } = require('./batch');

async function main() {
  const doubled = await saveAll([1, 2, 3]);
  await saveEach([4, 5]);
  console.log(doubled.join(','));
  console.log(log.join('\n'));
}

main().catch(error => {
  console.error(error);
  process.exitCode = 1;
});
