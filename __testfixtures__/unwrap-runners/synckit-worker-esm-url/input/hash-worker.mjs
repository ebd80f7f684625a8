import { createHash } from 'node:crypto';
import { runAsWorker } from 'synckit';

export const algorithm = 'sha256';

runAsWorker(async function hash(text) {
  await new Promise((resolve) => setImmediate(resolve));
  return createHash(algorithm).update(text).digest('hex');
});
