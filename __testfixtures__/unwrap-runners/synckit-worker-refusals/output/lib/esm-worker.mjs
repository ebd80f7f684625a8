import { runAsWorker } from 'synckit';

runAsWorker(async (x) => x * 3);
