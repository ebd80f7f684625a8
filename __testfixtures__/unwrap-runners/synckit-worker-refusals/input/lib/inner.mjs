import { createSyncFn } from 'synckit';

export function measure(value) {
  const measureSync = createSyncFn(new URL('./esm-worker.mjs', import.meta.url));
  return measureSync(value);
}
