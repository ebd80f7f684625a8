const { Client, describe } = require('./lib/client');

async function main() {
  console.log(await describe(new Client('http://x')));
}

main().catch(error => {
  console.error(error);
  process.exitCode = 1;
});
