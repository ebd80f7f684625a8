import deasync from 'deasync';

export function retry(task, attempts) {
  for (let i = 0; i < attempts; i++) {
    if (task()) return true;
    deasync.sleep(100 * i);
  }
  return false;
}

deasync.sleep(10);
setTimeout(() => console.log('later'), 5);
