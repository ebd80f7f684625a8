/** Real git repositories in the OS temp folder for tests (identity configured locally, never globally). */
import { execFileSync } from 'child_process';
import { mkdirSync, mkdtempSync, realpathSync, writeFileSync } from 'fs';
import * as os from 'os';
import * as path from 'path';

/** A new empty folder under the OS temp folder, as a real path (macOS /tmp is a symlink). */
export function makeTempFolder(prefix: string): string {
  return realpathSync(mkdtempSync(path.join(os.tmpdir(), `awaitify-${prefix}-`)));
}

export function runGitIn(dir: string, ...args: string[]): string {
  return execFileSync('git', ['-C', dir, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

export function initGitRepo(dir: string): string {
  mkdirSync(dir, { recursive: true });
  runGitIn(dir, 'init', '-q', '-b', 'main');
  runGitIn(dir, 'config', 'user.name', 'awaitify tests');
  runGitIn(dir, 'config', 'user.email', 'tests@awaitify.invalid');
  runGitIn(dir, 'config', 'commit.gpgsign', 'false');
  return dir;
}

export function commitAll(dir: string, message = 'snapshot'): void {
  runGitIn(dir, 'add', '-A');
  runGitIn(dir, 'commit', '-q', '--allow-empty', '-m', message);
}

/** Writes `files` (relative path → content) under `root`, creating folders. */
export function writeTree(root: string, files: Record<string, string>): void {
  for (const [relative, content] of Object.entries(files)) {
    const target = path.join(root, relative);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, content);
  }
}
