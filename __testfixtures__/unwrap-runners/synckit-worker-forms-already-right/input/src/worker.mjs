import { runAsWorker } from 'synckit';

runAsWorker(async (kind, code) => `${kind}:${code}`);
