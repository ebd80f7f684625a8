/**
 * A one-line progress indicator for long runs on a terminal: `awaitify: 1200/5000 files, 3.4s`,
 * redrawn at most every 100 ms and erased when the run ends. Pipes, CI logs and --json never get it,
 * and neither do runs of a few hundred files (they finish before anyone would look).
 */
import type { OutputStream } from './io';

export interface ProgressOptions {
  stream: OutputStream;
  /** False on a pipe or with --json: every call is then a no-op. */
  enabled: boolean;
  now: () => number;
  /** Runs over at most this many files show nothing. */
  minFiles?: number;
  intervalMs?: number;
}

export interface Progress {
  update(done: number, total: number): void;
  /** Erases the line if one was drawn. */
  finish(): void;
}

const clearLine = '\r\u001b[K';

export function createProgress(options: ProgressOptions): Progress {
  const minFiles = options.minFiles ?? 300;
  const intervalMs = options.intervalMs ?? 100;
  const started = options.now();
  let lastDrawn = -Infinity;
  let drawn = false;
  return {
    update(done, total) {
      if (!options.enabled || total <= minFiles) return;
      const now = options.now();
      if (now - lastDrawn < intervalMs && done < total) return;
      lastDrawn = now;
      drawn = true;
      const elapsed = ((now - started) / 1000).toFixed(1);
      options.stream.write(`${clearLine}awaitify: ${done}/${total} files, ${elapsed}s`);
    },
    finish() {
      if (drawn) options.stream.write(clearLine);
      drawn = false;
    },
  };
}
