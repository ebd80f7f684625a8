/**
 * Writes changed files so that each one is, at every instant, either its old bytes or its new bytes:
 * new content goes to a temp file beside the target (O_EXCL), is fsynced and given the target's mode,
 * then renamed over the target; the folder is fsynced after its renames. There is never a
 * truncate-then-write window (codespell#4025, lint-md/cli#67).
 *
 * Refused per file, leaving it untouched: a symlink (never written through, write-file-atomic#65), a file
 * that is not regular, a file with several hard links (a rename would split them), a file whose bytes
 * changed since they were read.
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import {
  buildTempPath,
  installInterruptGuard,
  type InterruptGuard,
  sweepStaleTemps,
  trackTemp,
  untrackTemp,
} from './temp-files';

export interface WriteItem {
  absolutePath: string;
  /** The bytes the engine read: the file is written only if it still holds exactly these. */
  before: Buffer;
  after: Buffer;
  /** Permission bits to give the file; default: the mode the file has on disk. */
  mode?: number;
}

export type WriteOutcome = { absolutePath: string; ok: true } | { absolutePath: string; ok: false; reason: string };

export interface WriteOptions {
  /** Files written at once (default 8). */
  concurrency?: number;
  /** Called after each file, written or refused. */
  onProgress?: (done: number, total: number) => void;
}

class InterruptedError extends Error {}

/**
 * Writes each item (see the file comment), at most `concurrency` at once; outcomes are in input order.
 * First removes temp files that killed runs left in these folders.
 */
export async function writeResults(items: WriteItem[], options: WriteOptions = {}): Promise<WriteOutcome[]> {
  await sweepStaleTemps(items.map((item) => path.dirname(item.absolutePath)));
  const guard = installInterruptGuard();
  const outcomes: WriteOutcome[] = [];
  const writtenFolders = new Set<string>();
  let next = 0;
  let done = 0;
  const work = async (): Promise<void> => {
    while (next < items.length && !guard.getSignal()) {
      const index = next++;
      outcomes[index] = await writeOne(items[index], guard);
      if (outcomes[index].ok) writtenFolders.add(path.dirname(items[index].absolutePath));
      options.onProgress?.(++done, items.length);
    }
  };
  try {
    const workers = Math.max(1, Math.min(options.concurrency ?? 8, items.length));
    await Promise.all(Array.from({ length: workers }, work));
    await syncFolders([...writtenFolders]);
  } finally {
    guard.finish();
  }
  return outcomes;
}

async function writeOne(item: WriteItem, guard: InterruptGuard): Promise<WriteOutcome> {
  const { absolutePath } = item;
  try {
    const refusal = await findRefusal(item);
    if (refusal.reason) return { absolutePath, ok: false, reason: refusal.reason };
    await replaceFile(item, refusal.mode, guard);
    return { absolutePath, ok: true };
  } catch (error) {
    return { absolutePath, ok: false, reason: describeError(error) };
  }
}

/** Why this file must not be replaced, or the mode to give the new content. */
async function findRefusal(item: WriteItem): Promise<{ reason: string | null; mode: number }> {
  const stats = await fs.lstat(item.absolutePath).catch(() => null);
  const mode = (item.mode ?? stats?.mode ?? 0o644) & 0o7777;
  if (!stats) return { reason: 'no longer exists', mode };
  if (stats.isSymbolicLink()) return { reason: 'is a symlink (awaitify never writes through a link)', mode };
  if (!stats.isFile()) return { reason: 'not a regular file', mode };
  if (stats.nlink > 1) return { reason: `has ${stats.nlink} hard links; replacing it would split them`, mode };
  const current = await fs.readFile(item.absolutePath);
  if (!current.equals(item.before)) return { reason: 'changed since it was read', mode };
  return { reason: null, mode };
}

async function replaceFile(item: WriteItem, mode: number, guard: InterruptGuard): Promise<void> {
  const tempPath = buildTempPath(item.absolutePath);
  trackTemp(tempPath);
  let handle: fs.FileHandle | undefined;
  try {
    stopIfInterrupted(guard);
    handle = await fs.open(tempPath, 'wx', 0o600);
    await handle.writeFile(item.after);
    await handle.chmod(mode);
    await keepOwner(handle, item.absolutePath);
    await handle.sync();
    await handle.close();
    handle = undefined;
    stopIfInterrupted(guard);
    await fs.rename(tempPath, item.absolutePath);
    untrackTemp(tempPath);
  } catch (error) {
    await handle?.close().catch(() => undefined);
    await fs.unlink(tempPath).catch(() => undefined);
    untrackTemp(tempPath);
    throw error;
  }
}

/** Gives the new file the old owner when we may (running as root); otherwise the writer owns it. */
async function keepOwner(handle: fs.FileHandle, target: string): Promise<void> {
  const stats = await fs.stat(target);
  const created = await handle.stat();
  if (stats.uid === created.uid && stats.gid === created.gid) return;
  await handle.chown(stats.uid, stats.gid).catch(() => undefined);
}

function stopIfInterrupted(guard: InterruptGuard): void {
  const signal = guard.getSignal();
  if (signal) throw new InterruptedError(`interrupted by ${signal}`);
}

/** Makes the renames durable; some platforms cannot fsync a folder, which only costs durability. */
async function syncFolders(folders: string[]): Promise<void> {
  for (const folder of folders) {
    const handle = await fs.open(folder, 'r').catch(() => null);
    if (!handle) continue;
    await handle.sync().catch(() => undefined);
    await handle.close().catch(() => undefined);
  }
}

function describeError(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
