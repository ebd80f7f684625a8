import { isHealthy } from './health';
import { Wallet } from './wallet';

const base = process.argv[2] ?? 'http://127.0.0.1:1';
console.log(`healthy: ${isHealthy(base)}`);
console.log(`balance: ${new Wallet(base, '7').account.balance}`);
