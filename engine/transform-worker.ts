/**
 * A transform worker thread (see transform-pool.ts): it loads the registered per-file transforms once,
 * learns which files belong to the run, then runs the jobs it is sent, one result message per job.
 */
import { parentPort } from 'node:worker_threads';
import { getFileTransforms } from '../transforms/registry';
import { createDiskReader, runTransformJob, type ReadOriginal, type TransformJob } from './transform-job';

export type WorkerMessage = { type: 'files'; files: string[] } | { type: 'job'; job: TransformJob };

const registry = getFileTransforms();
let readOriginal: ReadOriginal = () => null;

parentPort?.on('message', (message: WorkerMessage) => {
  if (message.type === 'files') {
    readOriginal = createDiskReader(new Set(message.files));
    return;
  }
  parentPort?.postMessage({ type: 'result', result: runTransformJob(message.job, registry, readOriginal) });
});
parentPort?.postMessage({ type: 'ready' });
