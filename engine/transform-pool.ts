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

/** Workers that learn the run's files (the absolute paths whose text transforms may read), then take jobs. */
export class TransformPool {
  private readonly workers: PoolWorker[] = [];
  private queue: TransformJob[] = [];
  private onReply: (() => void) | null = null;
  private deliver: (result: TransformJobResult) => void = () => undefined;

  constructor(size: number, script: string) {
    for (let i = 0; i < size; i += 1) this.workers.push(this.startWorker(script));
  }

  setRunFiles(files: string[]): void {
    for (const w of this.workers) w.worker.postMessage({ type: 'files', files } satisfies WorkerMessage);
  }

  /** Runs every job; `runHere` runs one on the main thread. Resolves when all results are in. */
  async runAll(
    jobs: TransformJob[],
    runHere: (job: TransformJob) => TransformJobResult,
    onResult: (result: TransformJobResult) => void,
  ): Promise<void> {
    this.queue = [...jobs];
    let remaining = jobs.length;
    this.deliver = (result) => {
      remaining -= 1;
      onResult(result);
    };
    this.handOutAll();
    while (remaining > 0) {
      const job = this.queue.shift();
      if (job) {
        this.deliver(runHere(job));
        // let worker replies in between two files on this thread
        await new Promise<void>((resolve) => setImmediate(resolve));
        this.handOutAll();
      } else {
        await new Promise<void>((resolve) => {
          this.onReply = resolve;
        });
        this.onReply = null;
      }
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.filter((w) => !w.dead).map((w) => w.worker.terminate()));
  }

  private startWorker(script: string): PoolWorker {
    const w: PoolWorker = { worker: new Worker(script), ready: false, dead: false, inHand: [] };
    w.worker.on('message', (reply: WorkerReply) => {
      if (reply.type === 'ready') w.ready = true;
      else {
        w.inHand = w.inHand.filter((job) => job.id !== reply.result.id);
        this.deliver(reply.result);
      }
      this.handOut(w);
      this.onReply?.();
    });
    // a dead worker's jobs go back to the front of the queue, for the main thread or another worker
    const retire = (): void => {
      if (w.dead) return;
      w.dead = true;
      this.queue = [...w.inHand, ...this.queue];
      w.inHand = [];
      this.onReply?.();
    };
    w.worker.on('error', retire);
    w.worker.on('exit', retire);
    return w;
  }

  private handOutAll(): void {
    for (const w of this.workers) this.handOut(w);
  }

  private handOut(w: PoolWorker): void {
    while (w.ready && !w.dead && w.inHand.length < JOBS_IN_HAND && this.queue.length > 0) {
      const job = this.queue.shift() as TransformJob;
      w.inHand.push(job);
      w.worker.postMessage({ type: 'job', job } satisfies WorkerMessage);
    }
  }
}
