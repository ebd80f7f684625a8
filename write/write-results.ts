/**
 * All or nothing: a run's changed files are written together or not at all.
 *
 * 1. Every target is checked before the first write (write/preflight.ts); one refusal refuses them all.
 * 2. Each file is replaced atomically (write/replace-file.ts), its bytes checked once more just before;
 *    every package.json goes last, so code and its dependencies never disagree halfway.
 * 3. When a write fails (or SIGINT/SIGTERM arrives), no further file is started, and every file already
 *    written gets back the bytes and mode the run read, from memory: the tree is as it was.
 *
 * Only kill -9 (or a power loss) can stop it in between; each file is then old or new, and package.json
 * is written only after every other file was.
 */
import * as path from 'path';
import { findRefusal } from './preflight';
import { replaceFile, syncFolders } from './replace-file';
import { installInterruptGuard, sweepStaleTemps, type InterruptGuard } from './temp-files';

export interface WriteItem {
  absolutePath: string;
  /** The bytes the engine read: the file is written only if it still holds exactly these. */
  before: Buffer;
  after: Buffer;
  /** Permission bits the engine read: the file must still have them, and keeps them. */
  mode?: number;
}

export interface WriteOptions {
  /** Files written at once (default 8). */
  concurrency?: number;
  /** Called after each file is written. */
  onProgress?: (done: number, total: number, absolutePath: string) => void;
  /** Replace read-only files and files in read-only folders (when this user can). */
  allowReadOnly?: boolean;
}

export interface FileProblem {
  absolutePath: string;
  reason: string;
}

export type WriteBatch =
  /** Every item holds its new bytes (listed in input order). */
  | { kind: 'written'; written: string[] }
  /** Nothing was touched: these items were refused by the check before the first write. */
  | { kind: 'refused'; refusals: FileProblem[] }
  /** A write failed after others succeeded: those were restored (or could not be, listed). */
  | { kind: 'restored'; failure: FileProblem; restored: string[]; notRestored: FileProblem[] };

interface Written {
  item: WriteItem;
  mode: number;
}

interface Progress {
  written: Written[];
  failure: FileProblem | null;
  done: number;
}

/** Writes every item or none (see the file comment); first removes temps that killed runs left beside them. */
export async function writeResults(items: WriteItem[], options: WriteOptions = {}): Promise<WriteBatch> {
  await sweepStaleTemps(items.map((item) => path.dirname(item.absolutePath)));
  const modes = new Map<WriteItem, number>();
  const refusals: FileProblem[] = [];
  for (const item of items) {
    const { reason, mode } = await findRefusal(item, options.allowReadOnly === true);
    if (reason) refusals.push({ absolutePath: item.absolutePath, reason });
    modes.set(item, mode);
  }
  if (refusals.length > 0) return { kind: 'refused', refusals };
  const isManifest = (item: WriteItem): boolean => path.basename(item.absolutePath) === 'package.json';
  const guard = installInterruptGuard();
  const progress: Progress = { written: [], failure: null, done: 0 };
  try {
    for (const group of [items.filter((i) => !isManifest(i)), items.filter(isManifest)]) {
      await writeGroup(group, { modes, guard, progress, options, total: items.length });
      if (progress.failure) break;
    }
    const failure = progress.failure ?? findInterruption(guard);
    if (failure) return { kind: 'restored', failure, ...(await restoreWritten(progress.written)) };
    await syncFolders([...new Set(items.map((item) => path.dirname(item.absolutePath)))]);
    return { kind: 'written', written: items.map((item) => item.absolutePath) };
  } finally {
    guard.finish();
  }
}

interface GroupContext {
  modes: Map<WriteItem, number>;
  guard: InterruptGuard;
  progress: Progress;
  options: WriteOptions;
  total: number;
}

/** Writes `group`, at most `concurrency` at once; stops starting files at the first failure or signal. */
async function writeGroup(group: WriteItem[], context: GroupContext): Promise<void> {
  const { progress, guard, options } = context;
  const stopReason = (): string | null => {
    const signal = guard.getSignal();
    return signal ? `interrupted by ${signal}` : progress.failure ? 'another file failed' : null;
  };
  let next = 0;
  const work = async (): Promise<void> => {
    while (next < group.length && !stopReason()) {
      const item = group[next++];
      const mode = context.modes.get(item) ?? 0o644;
      try {
        // checked again: the file may have changed since the check before the first write
        const { reason } = await findRefusal({ ...item, mode }, true);
        if (reason) throw new Error(reason);
        await replaceFile(item.absolutePath, item.after, mode, stopReason);
        progress.written.push({ item, mode });
        options.onProgress?.(++progress.done, context.total, item.absolutePath);
      } catch (error) {
        if (!stopReason()) progress.failure = { absolutePath: item.absolutePath, reason: describeError(error) };
      }
    }
  };
  const workers = Math.max(1, Math.min(options.concurrency ?? 8, group.length));
  await Promise.all(Array.from({ length: workers }, work));
}

function findInterruption(guard: InterruptGuard): FileProblem | null {
  const signal = guard.getSignal();
  return signal ? { absolutePath: '', reason: `interrupted by ${signal}` } : null;
}

/**
 * Puts back the bytes and mode each written file had when the run read it, newest first. A file that no
 * longer holds what awaitify wrote was changed by someone else since: it is left alone and listed.
 */
async function restoreWritten(written: Written[]): Promise<{ restored: string[]; notRestored: FileProblem[] }> {
  const restored: string[] = [];
  const notRestored: FileProblem[] = [];
  for (const { item, mode } of [...written].reverse()) {
    try {
      const { reason } = await findRefusal({ absolutePath: item.absolutePath, before: item.after, mode }, true);
      if (reason) throw new Error(`${reason} after awaitify wrote it`);
      await replaceFile(item.absolutePath, item.before, mode);
      restored.push(item.absolutePath);
    } catch (error) {
      notRestored.push({ absolutePath: item.absolutePath, reason: describeError(error) });
    }
  }
  return { restored, notRestored };
}

function describeError(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
