/**
 * Before the first byte is written, every target is checked; one refusal refuses the whole write.
 * A target is refused when it no longer exists, is a symlink (never written through,
 * write-file-atomic#65), is not a regular file, has several hard links (a rename would split them),
 * holds other bytes or another mode than the run read, or cannot be replaced by this user: its folder
 * is not writable (no temp file can be made beside it), or the file or its folder is read-only — no
 * write permission for this user, or no write bit at all (root can write anything, but a 0444 file
 * says "do not change me") — unless `allowReadOnly`.
 */
import { constants, promises as fs, type Stats } from 'fs';
import * as path from 'path';

export interface PreflightItem {
  absolutePath: string;
  /** The bytes the run read. */
  before: Buffer;
  /** The permission bits the run read, when it knows them. */
  mode?: number;
}

/** Why this file must not be replaced now, or null; `mode` is what the new content gets. */
export async function findRefusal(
  item: PreflightItem,
  allowReadOnly: boolean,
): Promise<{ reason: string | null; mode: number }> {
  const stats = await fs.lstat(item.absolutePath).catch(() => null);
  const mode = (item.mode ?? stats?.mode ?? 0o644) & 0o7777;
  const refuse = (reason: string) => ({ reason, mode });
  if (!stats) return refuse('no longer exists');
  if (stats.isSymbolicLink()) return refuse('is a symlink (awaitify never writes through a link)');
  if (!stats.isFile()) return refuse('not a regular file');
  if (stats.nlink > 1) return refuse(`has ${stats.nlink} hard links; replacing it would split them`);
  if ((stats.mode & 0o7777) !== mode) return refuse(`its mode changed since it was read (now ${formatMode(stats)})`);
  const current = await fs.readFile(item.absolutePath).catch(() => null);
  if (!current) return refuse('cannot be read by this user');
  if (!current.equals(item.before)) return refuse('changed since it was read');
  const permission = await findPermissionProblem(item.absolutePath, stats, allowReadOnly);
  return permission ? refuse(permission) : { reason: null, mode };
}

/** Whether this user may replace the file (a temp file beside it, then a rename over it). */
async function findPermissionProblem(file: string, stats: Stats, allowReadOnly: boolean): Promise<string | null> {
  const folder = path.dirname(file);
  const folderStats = await fs.stat(folder);
  if (!(await canAccess(folder, constants.W_OK | constants.X_OK))) {
    return `its folder is not writable by this user (${formatMode(folderStats)}), so it cannot be replaced`;
  }
  if (allowReadOnly) return null;
  const hint = 'pass --allow-read-only to replace it anyway';
  if ((folderStats.mode & 0o222) === 0) return `its folder is read-only (${formatMode(folderStats)}); ${hint}`;
  if ((stats.mode & 0o222) === 0 || !(await canAccess(file, constants.W_OK))) {
    return `is read-only for this user (${formatMode(stats)}); ${hint}`;
  }
  return null;
}

async function canAccess(file: string, mode: number): Promise<boolean> {
  return fs.access(file, mode).then(
    () => true,
    () => false,
  );
}

function formatMode(stats: Stats): string {
  return `mode ${(stats.mode & 0o7777).toString(8).padStart(4, '0')}`;
}
