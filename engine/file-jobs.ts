/**
 * Where the per-file transform jobs run: on the main thread alone, or also on worker threads when the
 * run asks for more than one thread (`--concurrency`), the work is large enough to repay starting them,
 * and every transform is a registered one (a worker finds transforms by name in the registry; a
 * transform handed to the API as an object can only run here).
 */
import { getFileTransforms } from '../transforms/registry';
import type { Transform } from '../transforms/shared/types';
import type { TransformJob, TransformJobResult } from './transform-job';
import { findWorkerScript, TransformPool } from './transform-pool';

/** Below this many candidate files per worker, starting one costs more than it saves. */
export const MIN_FILES_PER_WORKER = 12;

export interface FileJobsOptions {
  /** Threads to use, the main thread included. */
  concurrency: number;
  transforms: readonly Transform[];
  /** Absolute paths of the readable files of the run (what a worker's transforms may read). */
  runFiles: string[];
  runHere(job: TransformJob): TransformJobResult;
  /** Called once per job, `done` counting the results so far. */
  onResult(result: TransformJobResult, done: number): void;
  /** Overrides MIN_FILES_PER_WORKER (tests run the pool on a handful of files). */
  minFilesPerWorker?: number;
}

export function countWorkers(
  options: Pick<FileJobsOptions, 'concurrency' | 'transforms' | 'minFilesPerWorker'>,
  jobs: number,
): number {
  const registered = getFileTransforms();
  const known = options.transforms.every((t) => registered.get(t.meta.name) === t);
  if (!known || options.concurrency <= 1) return 0;
  return Math.min(options.concurrency - 1, Math.floor(jobs / (options.minFilesPerWorker ?? MIN_FILES_PER_WORKER)));
}

/** Runs every job; returns how many worker threads took part (0: all ran on this thread). */
export async function runFileJobs(jobs: TransformJob[], options: FileJobsOptions): Promise<number> {
  let done = 0;
  const deliver = (result: TransformJobResult): void => {
    done += 1;
    options.onResult(result, done);
  };
  const workers = countWorkers(options, jobs.length);
  const script = workers > 0 ? findWorkerScript() : null;
  if (!script) {
    for (const job of jobs) deliver(options.runHere(job));
    return 0;
  }
  const pool = new TransformPool(workers, script);
  try {
    pool.setRunFiles(options.runFiles);
    await pool.runAll(jobs, (job) => options.runHere(job), deliver);
    return workers;
  } finally {
    await pool.close();
  }
}
