import { fileURLToPath } from 'node:url';
import { createSyncFn } from 'synckit';

// the worker is CommonJS: an ES module can import its module.exports as the default
const compressSync = createSyncFn(fileURLToPath(new URL('./compress-worker.cjs', import.meta.url)));

export function pack(files) {
  return files.map((file) => ({ file, size: compressSync(file).length }));
}
