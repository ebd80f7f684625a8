// markdown-it-shiki: require.resolve through createRequire is a static path; the client is a local let
import { createRequire } from 'node:module';
import { createSyncFn } from 'synckit';

export function setup() {
  let syncRun;
  const require = createRequire(import.meta.url);
  syncRun = createSyncFn(require.resolve('./worker.mjs'));
  return (code) => syncRun('highlight', code);
}
