import { createHash } from 'node:crypto';
import { runAsWorker } from 'synckit';

export const algorithm = 'sha256';

export const runWorker = async function hash(text) {
  await new Promise((resolve) => setImmediate(resolve));
  return createHash(algorithm).update(text).digest('hex');
};

runAsWorker(runWorker);
