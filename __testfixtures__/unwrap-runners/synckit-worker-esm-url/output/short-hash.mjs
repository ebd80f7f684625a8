import { runWorker as hashSync } from './hash-worker.mjs';

export async function shortHash(text) {
  return (await hashSync(text)).slice(0, 8);
}

export const emptyHash = await hashSync('');
