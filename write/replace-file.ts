/**
 * One file replaced so that it is, at every instant, either its old bytes or its new bytes: the new
 * content goes to a temp file beside the target (O_EXCL), is fsynced and given the target's mode and
 * owner, then renamed over the target. There is never a truncate-then-write window (codespell#4025,
 * lint-md/cli#67).
 */
import { promises as fs } from 'fs';
import { buildTempPath, trackTemp, untrackTemp } from './temp-files';

/** Throws before the rename when `shouldStop` says so; the temp file never outlives a failure. */
export async function replaceFile(
  target: string,
  content: Buffer,
  mode: number,
  shouldStop: () => string | null = () => null,
): Promise<void> {
  const tempPath = buildTempPath(target);
  trackTemp(tempPath);
  let handle: fs.FileHandle | undefined;
  try {
    stopIf(shouldStop);
    handle = await fs.open(tempPath, 'wx', 0o600);
    await handle.writeFile(content);
    await handle.chmod(mode);
    await keepOwner(handle, target);
    await handle.sync();
    await handle.close();
    handle = undefined;
    stopIf(shouldStop);
    await fs.rename(tempPath, target);
    untrackTemp(tempPath);
  } catch (error) {
    await handle?.close().catch(() => undefined);
    await fs.unlink(tempPath).catch(() => undefined);
    untrackTemp(tempPath);
    throw error;
  }
}

function stopIf(shouldStop: () => string | null): void {
  const why = shouldStop();
  if (why) throw new Error(why);
}

/** Gives the new file the old owner when we may (running as root); otherwise the writer owns it. */
async function keepOwner(handle: fs.FileHandle, target: string): Promise<void> {
  const stats = await fs.stat(target);
  const created = await handle.stat();
  if (stats.uid === created.uid && stats.gid === created.gid) return;
  await handle.chown(stats.uid, stats.gid).catch(() => undefined);
}

/** Makes the renames durable; some platforms cannot fsync a folder, which only costs durability. */
export async function syncFolders(folders: string[]): Promise<void> {
  for (const folder of folders) {
    const handle = await fs.open(folder, 'r').catch(() => null);
    if (!handle) continue;
    await handle.sync().catch(() => undefined);
    await handle.close().catch(() => undefined);
  }
}
