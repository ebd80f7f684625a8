/**
 * Writes a generated repository to disk with its package.json and tsconfig.json, and commits it to a
 * fresh git repository so awaitify discovers files with `git ls-files` as it does in a real project.
 * Only a folder this script created (it holds the marker file) or an empty one is ever replaced.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { GeneratedRepository } from './generate';

export const markerFile = 'awaitify-bench.json';

const packageJson = {
  name: 'generated-benchmark-app',
  version: '1.0.0',
  private: true,
  engines: { node: '>=20.18.1' },
  dependencies: { co: '^4.6.0', deasync: '^0.1.32', 'sync-fetch': '^0.5.2', 'sync-request': '^6.1.0' },
};

const tsconfigJson = {
  compilerOptions: {
    target: 'ES2022',
    module: 'commonjs',
    allowJs: true,
    checkJs: false,
    strict: true,
    esModuleInterop: true,
    skipLibCheck: true,
    noEmit: true,
  },
  include: ['src', 'test'],
};

function clearGeneratedFolder(dir: string): void {
  if (!fs.existsSync(dir)) return;
  const entries = fs.readdirSync(dir);
  if (entries.length > 0 && !entries.includes(markerFile)) {
    throw new Error(`${dir} is not empty and was not made by the benchmark generator; refusing to replace it`);
  }
  fs.rmSync(dir, { recursive: true, force: true });
}

function commitAll(dir: string): void {
  const git = (...args: string[]): void => {
    execFileSync('git', args, { cwd: dir, stdio: 'ignore' });
  };
  git('init', '-q');
  git('add', '-A');
  git(
    '-c',
    'user.name=awaitify-bench',
    '-c',
    'user.email=bench@example.invalid',
    '-c',
    'commit.gpgsign=false',
    'commit',
    '-q',
    '-m',
    'generated benchmark repository',
  );
}

export function writeRepository(dir: string, repo: GeneratedRepository, options: { git: boolean }): void {
  clearGeneratedFolder(dir);
  const madeDirs = new Set<string>();
  const write = (relative: string, text: string): void => {
    const target = path.join(dir, relative);
    const parent = path.dirname(target);
    if (!madeDirs.has(parent)) {
      fs.mkdirSync(parent, { recursive: true });
      madeDirs.add(parent);
    }
    fs.writeFileSync(target, text);
  };
  write(markerFile, `${JSON.stringify(repo.summary, null, 2)}\n`);
  write('package.json', `${JSON.stringify(packageJson, null, 2)}\n`);
  write('tsconfig.json', `${JSON.stringify(tsconfigJson, null, 2)}\n`);
  write('.gitignore', 'node_modules/\n');
  for (const [relative, text] of repo.files) write(relative, text);
  if (options.git) commitAll(dir);
}

/** The summary of the repository at `dir` if the generator wrote it, else null. */
export function readGeneratedSummary(dir: string): GeneratedRepository['summary'] | null {
  try {
    return JSON.parse(fs.readFileSync(path.join(dir, markerFile), 'utf8')) as GeneratedRepository['summary'];
  } catch {
    return null;
  }
}
