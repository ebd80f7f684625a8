import { createSyncFn } from 'synckit';

const hashSync = createSyncFn(new URL('./hash-worker.mjs', import.meta.url));

export function shortHash(text) {
  return hashSync(text).slice(0, 8);
}

export const emptyHash = hashSync('');
