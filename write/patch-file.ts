/**
 * `--patch FILE` never widens a write (issue 17): the file is written only when it does not exist yet,
 * or when it is a patch awaitify wrote before (its first line says so, report/patch.ts). Refused, before
 * the run reads a file: a symlink (never written through), anything that is not a regular file (a FIFO
 * would block, a folder cannot be written), a file git tracks (a patch is an artifact, not source), and,
 * once the run knows its files, any file of the run.
 */
import { closeSync, lstatSync, openSync, readSync, realpathSync, writeFileSync, type Stats } from 'node:fs';
import * as path from 'node:path';
import { UsageError } from '../core/errors';
import { getGitTopLevel, runGit } from '../engine/git';
import { isAwaitifyPatch } from '../report/patch';

const overwriteHint = 'delete it first to replace it, or choose another name';

/** Throws a UsageError when `file` must not receive the patch; `shown` is the path as the user gave it. */
export async function checkPatchTarget(file: string, shown: string): Promise<void> {
  const stats = readStats(file);
  const refuse = (why: string): never => {
    throw new UsageError(`--patch ${shown}: ${why}`);
  };
  if (!stats) {
    if (!readStats(path.dirname(file))?.isDirectory()) refuse('its folder does not exist');
  } else if (stats.isSymbolicLink()) {
    refuse('is a symlink; awaitify never writes through a link (name the file itself or another path)');
  } else if (!stats.isFile()) {
    refuse('is not a regular file');
  } else if (!isAwaitifyPatch(readStart(file))) {
    refuse(`the file exists and is not a patch awaitify wrote; ${overwriteHint}`);
  }
  if (await isTrackedByGit(file)) {
    refuse('git tracks this file; awaitify writes a patch only to an untracked path (choose another name)');
  }
}

/** Throws when `file` is one of the run's own files (read, skipped or failed alike). */
export function checkPatchNotInRun(file: string, shown: string, runFiles: readonly string[]): void {
  const real = readRealPath(file);
  if (runFiles.some((runFile) => runFile === file || runFile === real)) {
    throw new UsageError(`--patch ${shown}: it is a source file of this run; choose another name`);
  }
}

export function writePatchFile(file: string, shown: string, text: string): void {
  try {
    writeFileSync(file, text);
  } catch (error) {
    throw new UsageError(`--patch ${shown}: cannot write: ${(error as Error).message}`);
  }
}

function readStats(file: string): Stats | null {
  try {
    return lstatSync(file);
  } catch {
    return null;
  }
}

function readRealPath(file: string): string {
  try {
    return realpathSync(file);
  } catch {
    return path.resolve(file);
  }
}

/** The file's first bytes as text (enough for the header line). */
function readStart(file: string): string {
  const buffer = Buffer.alloc(64);
  const fd = openSync(file, 'r');
  try {
    return buffer.subarray(0, readSync(fd, buffer, 0, buffer.length, 0)).toString('utf8');
  } finally {
    closeSync(fd);
  }
}

async function isTrackedByGit(file: string): Promise<boolean> {
  const folder = path.dirname(file);
  if (!readStats(folder)?.isDirectory()) return false;
  const git = await getGitTopLevel(folder);
  if (git.kind !== 'top') return false;
  const answer = await runGit(folder, [
    '--literal-pathspecs',
    'ls-files',
    '--error-unmatch',
    '--',
    path.basename(file),
  ]);
  return answer.kind === 'ok';
}
