import { setTimeout as sleep } from 'node:timers/promises';

export async function retry(task, attempts) {
  for (let i = 0; i < attempts; i++) {
    if (task()) return true;
    await sleep(100 * i);
  }
  return false;
}

await sleep(10);
setTimeout(() => console.log('later'), 5);
