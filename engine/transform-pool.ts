/**
 * Runs per-file transform jobs on the main thread and on worker threads at once. The main thread takes
 * jobs as well, so nothing waits while the workers start (loading the transforms takes a few hundred
 * milliseconds); each worker keeps two jobs in hand so it never idles between messages. A result does
 * not depend on where its job ran: the same function (transform-job.ts) runs on both sides.
 *
 * If a worker dies, its jobs are run again on the main thread.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { TransformJob, TransformJobResult } from './transform-job';
import type { WorkerMessage } from './transform-worker';

/** Jobs a worker holds at a time: one running, one waiting. */
const JOBS_IN_HAND = 2;

type WorkerReply = { type: 'ready' } | { type: 'result'; result: TransformJobResult };

export interface TransformPool {
  /** Runs every job; `runHere` runs one on the main thread. Resolves when all results are in. */
  runAll(
    jobs: TransformJob[],
    runHere: (job: TransformJob) => TransformJobResult,
    onResult: (result: TransformJobResult) => void,
  ): Promise<void>;
  close(): Promise<void>;
}

/** The compiled worker script; absent when the engine runs from its TypeScript sources (tests). */
export function findWorkerScript(): string | null {
  const script = join(__dirname, 'transform-worker.js');
  return existsSync(script) ? script : null;
}

interface PoolWorker {
  worker: Worker;
  ready: boolean;
  dead: boolean;
  inHand: TransformJob[];
}

/** Starts `size` workers that learn `runFiles` (the absolute paths whose text transforms may read). */
export function startTransformPool(
  size: number,
  script: string,
): TransformPool & { setRunFiles(files: string[]): void } {
  const workers: PoolWorker[] = [];
  let queue: TransformJob[] = [];
  let onReply: (() => void) | null = null;
  let deliver: (result: TransformJobResult) => void = () => undefined;
  const handOut = (w: PoolWorker): void => {
    while (w.ready && !w.dead && w.inHand.length < JOBS_IN_HAND && queue.length > 0) {
      const job = queue.shift() as TransformJob;
      w.inHand.push(job);
      w.worker.postMessage({ type: 'job', job } satisfies WorkerMessage);
    }
  };
  for (let i = 0; i < size; i += 1) {
    const w: PoolWorker = { worker: new Worker(script), ready: false, dead: false, inHand: [] };
    w.worker.on('message', (reply: WorkerReply) => {
      if (reply.type === 'ready') w.ready = true;
      else {
        w.inHand = w.inHand.filter((job) => job.id !== reply.result.id);
        deliver(reply.result);
      }
      handOut(w);
      onReply?.();
    });
    const retire = (): void => {
      if (w.dead) return;
      w.dead = true;
      queue = [...w.inHand, ...queue];
      w.inHand = [];
      onReply?.();
    };
    w.worker.on('error', retire);
    w.worker.on('exit', retire);
    workers.push(w);
  }
  return {
    setRunFiles(files) {
      for (const w of workers) w.worker.postMessage({ type: 'files', files } satisfies WorkerMessage);
    },
    async runAll(jobs, runHere, onResult) {
      queue = [...jobs];
      let remaining = jobs.length;
      deliver = (result) => {
        remaining -= 1;
        onResult(result);
      };
      workers.forEach(handOut);
      while (remaining > 0) {
        const job = queue.shift();
        if (job) {
          deliver(runHere(job));
          // let worker replies in between two files on this thread
          await new Promise<void>((resolve) => setImmediate(resolve));
          workers.forEach(handOut);
        } else {
          await new Promise<void>((resolve) => {
            onReply = resolve;
          });
          onReply = null;
        }
      }
    },
    async close() {
      await Promise.all(workers.map((w) => (w.dead ? undefined : w.worker.terminate())));
    },
  };
}
