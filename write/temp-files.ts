/**
 * Temporary files of the writer: their names, the set being written right now, removal on SIGINT/SIGTERM,
 * and the sweep of files left by a process that was killed with no chance to clean up (kill -9, power loss).
 *
 * A temp file sits beside its target so the final rename stays on one filesystem and is atomic. Its name,
 * `<base>.awaitify-tmp-<pid>-<random>`, says what it is in `git status` and `ls`: it is not hidden (no
 * leading dot) and does not end in `.tmp`, which many .gitignore files hide. The pid tells the sweep
 * whether its writer is still alive. Names of earlier versions (`.<base>.awaitify-<pid>-<random>.tmp`)
 * are swept too.
 */
import { randomBytes } from 'crypto';
import { promises as fs, unlinkSync } from 'fs';
import * as path from 'path';

const TEMP_NAMES = [/^.+\.awaitify-tmp-(\d+)-[0-9a-f]+$/, /^\..+\.awaitify-(\d+)-[0-9a-f]+\.tmp$/];

export function buildTempPath(target: string): string {
  const random = randomBytes(6).toString('hex');
  return path.join(path.dirname(target), `${path.basename(target)}.awaitify-tmp-${process.pid}-${random}`);
}

/** The pid that wrote a temp file with this name, or null when the name is not one of ours. */
export function getTempOwnerPid(name: string): number | null {
  for (const pattern of TEMP_NAMES) {
    const match = pattern.exec(name);
    if (match) return Number(match[1]);
  }
  return null;
}

const liveTemps = new Set<string>();

export function trackTemp(tempPath: string): void {
  liveTemps.add(tempPath);
}

export function untrackTemp(tempPath: string): void {
  liveTemps.delete(tempPath);
}

export function removeTrackedTempsSync(): void {
  for (const tempPath of liveTemps) {
    try {
      unlinkSync(tempPath);
    } catch {
      // Already renamed into place or never created.
    }
    liveTemps.delete(tempPath);
  }
}

/**
 * Removes our temp files in `dirs` whose writer is gone. Returns the removed paths.
 * Temps of live processes (another awaitify run writing now) are left alone.
 */
export async function sweepStaleTemps(dirs: string[]): Promise<string[]> {
  const removed: string[] = [];
  for (const dir of [...new Set(dirs)].sort()) {
    const names = await fs.readdir(dir).catch(() => [] as string[]);
    for (const name of names) {
      const pid = getTempOwnerPid(name);
      const tempPath = path.join(dir, name);
      if (pid === null || liveTemps.has(tempPath) || isProcessAlive(pid)) continue;
      const stats = await fs.lstat(tempPath).catch(() => null);
      if (!stats?.isFile()) continue;
      await fs.unlink(tempPath).then(
        () => removed.push(tempPath),
        () => undefined,
      );
    }
  }
  return removed;
}

function isProcessAlive(pid: number): boolean {
  // Our own pid on a leftover name means an earlier process that had the same pid: not ours (tracked ones
  // were skipped above).
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const EXIT_CODES: Record<'SIGINT' | 'SIGTERM', number> = { SIGINT: 130, SIGTERM: 143 };

/**
 * How long in-flight writes and the restore of the files already written get after a signal before the
 * process exits anyway (each file is then still old or new, and the temps are removed).
 */
const SETTLE_LIMIT_MS = 10000;

export interface InterruptGuard {
  /** The signal received during the write, or null. Workers stop at their next step once it is set. */
  getSignal(): 'SIGINT' | 'SIGTERM' | null;
  /** Call when every write has settled: exits with 130/143 after removing temps if a signal came. */
  finish(): void;
}

/**
 * Replaces the default "die at once" of SIGINT/SIGTERM while files are written: in-flight writes settle
 * (an open() still running in the thread pool could otherwise create a temp after it was removed), the
 * writer restores the files it already wrote, every temp is removed, then `finish()` exits with
 * 128 + signal number. A second signal exits at once.
 */
export function installInterruptGuard(): InterruptGuard {
  let signal: 'SIGINT' | 'SIGTERM' | null = null;
  let timer: NodeJS.Timeout | undefined;
  const exitNow = (received: 'SIGINT' | 'SIGTERM'): never => {
    removeTrackedTempsSync();
    process.exit(EXIT_CODES[received]);
  };
  const onSignal = (received: 'SIGINT' | 'SIGTERM'): void => {
    if (signal) exitNow(received);
    signal = received;
    timer = setTimeout(() => exitNow(received), SETTLE_LIMIT_MS);
  };
  const onExit = (): void => removeTrackedTempsSync();
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  process.on('exit', onExit);
  return {
    getSignal: () => signal,
    finish: () => {
      process.removeListener('SIGINT', onSignal);
      process.removeListener('SIGTERM', onSignal);
      process.removeListener('exit', onExit);
      if (timer) clearTimeout(timer);
      if (signal) exitNow(signal);
    },
  };
}
