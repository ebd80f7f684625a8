const { loadConfig, Server } = require('./config');

async function main() {
  const config = await loadConfig();
  console.log(config.port, new Server().secret);
}

main().catch(error => {
  console.error(error);
  process.exitCode = 1;
});
