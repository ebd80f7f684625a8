/**
 * Finds the files a run works on.
 *
 * - A folder inside a git work tree: the files git tracks or would track there
 *   (`git ls-files --cached --others --exclude-standard`, asked in the folder's own repository, so the
 *   target's .gitignore applies, not the cwd's). Nested repositories and submodules are asked themselves.
 * - A folder elsewhere: a walk that skips node_modules, .git, dist, build and coverage; a repository met
 *   during the walk is asked for its files as above.
 * - node_modules below a named folder is always skipped (a committed vendor folder is not source to migrate);
 *   `.git` is never entered.
 * - A file named on the command line is taken even when .gitignore or the default skips would exclude it
 *   (the user asked for it by name); `--ignore` still applies, and if its name is not a source file it is
 *   reported as skipped instead of silently dropped.
 * - Symlinks: one leading out of the tree (outside the git top level, or the named folder when there is no
 *   git) is skipped with a reason and never followed; one inside is reported under its real path, so the
 *   writer replaces the real file and never the link. Every (device, inode) is taken once, so symlink loops
 *   terminate and a file reached by two paths is not transformed twice.
 * - FIFOs, sockets and devices are never opened. Output is sorted by path.
 */
import { promises as fs, type Stats } from 'fs';
import * as path from 'path';
import { UsageError } from '../core/errors';
import type { FileResult } from './types';
import { buildIgnoreMatcher, type PathMatcher } from './discover-glob';
import { getGitTopLevel, runGit } from './git';
import { DECLARATION_FILE, findNameProblem, loadsPrimitive } from './file-names';

export interface DiscoveredFile {
  absolutePath: string;
  /** Relative to cwd, with `/` separators. */
  path: string;
}

export interface DiscoverOptions {
  paths: string[];
  cwd: string;
  ignore: string[];
  maxFileSize: number;
}

const WALK_SKIPPED_FOLDERS = new Set(['node_modules', '.git', 'dist', 'build', 'coverage']);
const ALWAYS_SKIPPED_FOLDERS = new Set(['node_modules', '.git']);
const CONCURRENT_VISITS = 32;

/** A file that passed the name checks, before de-duplication. */
interface Candidate {
  realPath: string;
  stats: Stats;
}

interface Discovery {
  realCwd: string;
  isIgnored: PathMatcher;
  maxFileSize: number;
  candidates: Candidate[];
  skipped: FileResult[];
  visitedFolders: Set<string>;
}

export async function discoverFiles(o: DiscoverOptions): Promise<{ files: DiscoveredFile[]; skipped: FileResult[] }> {
  const discovery: Discovery = {
    realCwd: await fs.realpath(o.cwd),
    isIgnored: buildIgnoreMatcher(o.ignore),
    maxFileSize: o.maxFileSize,
    candidates: [],
    skipped: [],
    visitedFolders: new Set(),
  };
  for (const given of o.paths) {
    const absolute = path.resolve(o.cwd, given);
    const stats = await fs.stat(absolute).catch(() => null);
    if (!stats) throw new UsageError(`${given}: no such file or folder`);
    if (stats.isDirectory()) await discoverFolder(absolute, discovery);
    else await discoverNamedFile(absolute, discovery);
  }
  return selectFiles(discovery);
}

async function discoverFolder(folder: string, discovery: Discovery): Promise<void> {
  const realFolder = await fs.realpath(folder);
  if (isInsideGitFolder(realFolder)) return;
  const git = await getGitTopLevel(realFolder);
  if (git.kind === 'top') await discoverGitFolder(realFolder, await fs.realpath(git.top), discovery);
  else await walkFolder(realFolder, realFolder, discovery, WALK_SKIPPED_FOLDERS);
}

async function discoverGitFolder(realFolder: string, root: string, discovery: Discovery): Promise<void> {
  if (!markFolderVisited(await fs.stat(realFolder), discovery)) return;
  const listing = await runGit(realFolder, ['ls-files', '-z', '--cached', '--others', '--exclude-standard']);
  if (listing.kind !== 'ok') {
    await walkFolder(realFolder, realFolder, discovery, WALK_SKIPPED_FOLDERS);
    return;
  }
  const entries = [...new Set(listing.stdout.split('\0').filter((entry) => entry !== ''))];
  await forEachLimited(entries, async (entry) => {
    const relative = entry.replace(/\/$/, '');
    if (relative.split('/').some((segment) => ALWAYS_SKIPPED_FOLDERS.has(segment))) return;
    const location = path.join(realFolder, relative);
    const stats = await fs.lstat(location).catch(() => null);
    // Tracked but deleted files are listed by --cached; they no longer exist.
    if (!stats) return;
    // A submodule or a nested repository: ask that repository for its own files.
    if (stats.isDirectory()) await discoverFolder(location, discovery);
    else await considerEntry(location, stats, root, discovery, false);
  });
}

async function walkFolder(
  realFolder: string,
  root: string,
  discovery: Discovery,
  skippedNames: Set<string>,
): Promise<void> {
  if (!markFolderVisited(await fs.stat(realFolder), discovery)) return;
  const names = await fs.readdir(realFolder);
  await forEachLimited(names, async (name) => {
    const location = path.join(realFolder, name);
    const stats = await fs.lstat(location).catch(() => null);
    if (!stats) return;
    if (stats.isDirectory()) {
      if (skippedNames.has(name) || discovery.isIgnored(`${relativeToCwd(location, discovery)}/`)) return;
      // A repository inside a plain folder: its own .gitignore applies below it.
      if (
        await fs.lstat(path.join(location, '.git')).then(
          () => true,
          () => false,
        )
      )
        await discoverFolder(location, discovery);
      else await walkFolder(location, root, discovery, skippedNames);
    } else if (stats.isSymbolicLink()) {
      await followWalkedLink(location, root, discovery, skippedNames);
    } else {
      await considerEntry(location, stats, root, discovery, false);
    }
  });
}

/** A symlink met while walking: a folder inside the tree is walked (once), a file is considered. */
async function followWalkedLink(
  location: string,
  root: string,
  discovery: Discovery,
  skippedNames: Set<string>,
): Promise<void> {
  const name = path.basename(location);
  const target = await fs.stat(location).catch(() => null);
  if (target?.isDirectory()) {
    if (skippedNames.has(name) || discovery.isIgnored(`${relativeToCwd(location, discovery)}/`)) return;
    const realTarget = await fs.realpath(location);
    if (isInside(root, realTarget)) await walkFolder(realTarget, root, discovery, skippedNames);
    else addSkipped(location, 'symlink leads out of the tree', discovery);
    return;
  }
  const stats = await fs.lstat(location);
  await considerEntry(location, stats, root, discovery, false);
}

async function discoverNamedFile(absolute: string, discovery: Discovery): Promise<void> {
  const lexicalFolder = await fs.realpath(path.dirname(absolute));
  const location = path.join(lexicalFolder, path.basename(absolute));
  if (isInsideGitFolder(lexicalFolder)) return addSkipped(location, 'inside a .git folder', discovery);
  const git = await getGitTopLevel(lexicalFolder);
  const root = git.kind === 'top' ? await fs.realpath(git.top) : lexicalFolder;
  await considerEntry(location, await fs.lstat(location), root, discovery, true);
}

/**
 * `location` is the entry's own path with every parent folder resolved (a symlink keeps its own name).
 * Silently drops names that are not source files unless the user named the file.
 */
async function considerEntry(
  location: string,
  stats: Stats,
  root: string,
  discovery: Discovery,
  named: boolean,
): Promise<void> {
  const nameProblem = findNameProblem(location);
  if (nameProblem) {
    const declaration = nameProblem === DECLARATION_FILE && !discovery.isIgnored(relativeToCwd(location, discovery));
    if (named || (declaration && (await loadsPrimitive(location, stats, discovery.maxFileSize)))) {
      addSkipped(location, nameProblem, discovery);
    }
    return;
  }
  if (discovery.isIgnored(relativeToCwd(location, discovery))) return;
  let realPath = location;
  let realStats = stats;
  if (stats.isSymbolicLink()) {
    const resolved = await resolveLink(location);
    if (!resolved) return addSkipped(location, 'symlink points to nothing', discovery);
    if (!isInside(root, resolved.realPath)) return addSkipped(location, 'symlink leads out of the tree', discovery);
    if (findNameProblem(resolved.realPath) || discovery.isIgnored(relativeToCwd(resolved.realPath, discovery))) return;
    ({ realPath, stats: realStats } = resolved);
  }
  if (!realStats.isFile()) return addSkipped(location, 'not a regular file', discovery);
  discovery.candidates.push({ realPath, stats: realStats });
}

async function resolveLink(location: string): Promise<Candidate | null> {
  try {
    const realPath = await fs.realpath(location);
    return { realPath, stats: await fs.stat(realPath) };
  } catch {
    return null;
  }
}

function selectFiles(discovery: Discovery): { files: DiscoveredFile[]; skipped: FileResult[] } {
  const byPath = new Map<string, Candidate>();
  for (const candidate of discovery.candidates) byPath.set(candidate.realPath, candidate);
  const files: DiscoveredFile[] = [];
  const takenInodes = new Map<string, string>();
  const skipped = [...discovery.skipped];
  for (const candidate of [...byPath.values()].sort((a, b) => compareText(a.realPath, b.realPath))) {
    const relativePath = relativeToCwd(candidate.realPath, discovery);
    const inode = `${candidate.stats.dev}:${candidate.stats.ino}`;
    const sameFile = takenInodes.get(inode);
    if (sameFile !== undefined) {
      skipped.push(buildSkipped(candidate.realPath, relativePath, `same file as ${sameFile} (hard link)`));
    } else if (candidate.stats.size > discovery.maxFileSize) {
      const reason = describeTooLarge(candidate.stats.size, discovery.maxFileSize);
      skipped.push(buildSkipped(candidate.realPath, relativePath, reason));
    } else {
      takenInodes.set(inode, relativePath);
      files.push({ absolutePath: candidate.realPath, path: relativePath });
    }
  }
  const uniqueSkipped = [...new Map(skipped.map((result) => [result.absolutePath, result])).values()];
  return {
    files: files.sort((a, b) => compareText(a.path, b.path)),
    skipped: uniqueSkipped.sort((a, b) => compareText(a.path, b.path)),
  };
}

/** Names the option that decides it, and a value that would take the file. */
function describeTooLarge(size: number, max: number): string {
  const KB = 1024;
  const MB = 1024 * KB;
  const limit = max % MB === 0 ? `${max / MB}mb` : max % KB === 0 ? `${max / KB}kb` : `${max} bytes`;
  const enough = size < MB ? `${Math.ceil(size / KB)}kb` : `${Math.ceil(size / MB)}mb`;
  return `${size} bytes, larger than --max-file-size (${limit}); raise it to read the file (--max-file-size ${enough})`;
}

function addSkipped(location: string, reason: string, discovery: Discovery): void {
  discovery.skipped.push(buildSkipped(location, relativeToCwd(location, discovery), reason));
}

function buildSkipped(absolutePath: string, relativePath: string, reason: string): FileResult {
  return { path: relativePath, absolutePath, status: 'skipped', reason, changedBy: [], diagnostics: [] };
}

/** False when this folder (by device and inode) was already visited: symlink loops end here. */
function markFolderVisited(stats: Stats, discovery: Discovery): boolean {
  const key = `${stats.dev}:${stats.ino}`;
  if (discovery.visitedFolders.has(key)) return false;
  discovery.visitedFolders.add(key);
  return true;
}

function isInsideGitFolder(realFolder: string): boolean {
  return realFolder.split(path.sep).includes('.git');
}

function isInside(root: string, candidate: string): boolean {
  const relative = path.relative(root, candidate);
  const leavesRoot = relative === '..' || relative.startsWith(`..${path.sep}`);
  return !leavesRoot && !path.isAbsolute(relative);
}

function relativeToCwd(location: string, discovery: Discovery): string {
  return path.relative(discovery.realCwd, location).split(path.sep).join('/');
}

/**
 * Runs `visit` over `items`, a bounded number at a time: file-system calls overlap in the thread pool.
 * Order does not matter: results are keyed by real path and sorted at the end.
 */
async function forEachLimited<T>(items: T[], visit: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const work = async (): Promise<void> => {
    while (next < items.length) await visit(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENT_VISITS, items.length) }, work));
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
