import { isHealthy } from './health';
import { Wallet } from './wallet';

async function main() {
  const base = process.argv[2] ?? 'http://127.0.0.1:1';
  console.log(`healthy: ${await isHealthy(base)}`);
  console.log(`balance: ${new Wallet(base, '7').account.balance}`);
}

main().catch(error => {
  console.error(error);
  process.exitCode = 1;
});
