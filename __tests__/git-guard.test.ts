import { execFileSync } from 'child_process';
import { rmSync, writeFileSync } from 'fs';
import * as path from 'path';
import { RefusedWriteError } from '../core/errors';
import { checkGitGuard } from '../write/git-guard';
import { commitAll, initGitRepo, makeTempFolder, runGitIn, writeTree } from './support/git-repo';

const folders: string[] = [];
afterAll(() => folders.forEach((folder) => rmSync(folder, { recursive: true, force: true })));

function makeFolder(prefix: string): string {
  const folder = makeTempFolder(prefix);
  folders.push(folder);
  return folder;
}

/** A committed repository with `a.js` and `other.js`. */
function makeCleanRepo(prefix: string): string {
  const repo = initGitRepo(makeFolder(prefix));
  writeTree(repo, { 'a.js': 'committed\n', 'other.js': 'committed\n', '.gitignore': 'ignored/\n' });
  commitAll(repo);
  return repo;
}

type Situation =
  'clean' | 'modified' | 'staged' | 'untracked' | 'ignored' | 'renamed' | 'no-repo' | 'git-not-installed';

/** Builds the situation and returns the file that would be written. */
function prepare(situation: Situation): string {
  if (situation === 'no-repo') {
    const folder = makeFolder('no-repo');
    writeTree(folder, { 'a.js': 'x\n' });
    return path.join(folder, 'a.js');
  }
  const repo = makeCleanRepo(situation);
  const file = path.join(repo, 'a.js');
  if (situation === 'modified') writeFileSync(file, 'edited\n');
  if (situation === 'staged') {
    writeFileSync(file, 'edited\n');
    runGitIn(repo, 'add', 'a.js');
  }
  if (situation === 'renamed') runGitIn(repo, 'mv', 'other.js', 'renamed.js');
  if (situation === 'untracked') writeTree(repo, { 'new.js': 'x\n' });
  if (situation === 'ignored') writeTree(repo, { 'ignored/tool.js': 'x\n' });
  if (situation === 'renamed') return path.join(repo, 'renamed.js');
  if (situation === 'untracked') return path.join(repo, 'new.js');
  if (situation === 'ignored') return path.join(repo, 'ignored/tool.js');
  return file;
}

async function runGuard(file: string, allowDirty: boolean, allowNoGit: boolean, withoutGit: boolean): Promise<string> {
  const savedPath = process.env.PATH;
  if (withoutGit) process.env.PATH = '/nonexistent-awaitify-test';
  try {
    await checkGitGuard([file], { allowDirty, allowNoGit });
    return 'write';
  } catch (error) {
    if (error instanceof RefusedWriteError) return 'refuse';
    throw error;
  } finally {
    process.env.PATH = savedPath;
  }
}

// Columns: default, --allow-dirty, --allow-no-git, both.
const TABLE: [Situation, string, string, string, string][] = [
  ['clean', 'write', 'write', 'write', 'write'],
  ['modified', 'refuse', 'write', 'refuse', 'write'],
  ['staged', 'refuse', 'write', 'refuse', 'write'],
  ['renamed', 'refuse', 'write', 'refuse', 'write'],
  ['untracked', 'refuse', 'write', 'refuse', 'write'],
  ['ignored', 'refuse', 'write', 'refuse', 'write'],
  ['no-repo', 'refuse', 'refuse', 'write', 'write'],
  ['git-not-installed', 'refuse', 'refuse', 'write', 'write'],
];

describe('checkGitGuard', () => {
  it.each(TABLE)('%s: default %s, --allow-dirty %s, --allow-no-git %s, both %s', async (situation, ...expected) => {
    const file = prepare(situation === 'git-not-installed' ? 'clean' : situation);
    const withoutGit = situation === 'git-not-installed';
    const answers = [
      await runGuard(file, false, false, withoutGit),
      await runGuard(file, true, false, withoutGit),
      await runGuard(file, false, true, withoutGit),
      await runGuard(file, true, true, withoutGit),
    ];
    expect(answers).toEqual(expected);
  });

  it("git-guard-target-repo: checks the repository of each file, not the cwd's", async () => {
    const dirtyCwd = makeCleanRepo('dirty-cwd');
    writeFileSync(path.join(dirtyCwd, 'a.js'), 'edited\n');
    const cleanTarget = makeCleanRepo('clean-target');
    const dirtyTarget = makeCleanRepo('dirty-target');
    writeFileSync(path.join(dirtyTarget, 'a.js'), 'edited\n');
    const savedCwd = process.cwd();
    process.chdir(dirtyCwd);
    try {
      await expect(
        checkGitGuard([path.join(cleanTarget, 'a.js')], { allowDirty: false, allowNoGit: false }),
      ).resolves.toBeUndefined();
      process.chdir(cleanTarget);
      await expect(
        checkGitGuard([path.join(dirtyTarget, 'a.js'), path.join(cleanTarget, 'a.js')], {
          allowDirty: false,
          allowNoGit: false,
        }),
      ).rejects.toThrow(`${path.join(dirtyTarget, 'a.js')} (modified)`);
    } finally {
      process.chdir(savedCwd);
    }
  });

  it('git-guard-scope: a dirty file that would not be written does not block', async () => {
    const repo = makeCleanRepo('scope');
    writeFileSync(path.join(repo, 'other.js'), 'edited\n');
    writeTree(repo, { 'package.json': '{}\n' });
    await expect(
      checkGitGuard([path.join(repo, 'a.js')], { allowDirty: false, allowNoGit: false }),
    ).resolves.toBeUndefined();
  });

  it('a dirty file in a nested repository is found in that repository', async () => {
    const outer = makeCleanRepo('outer');
    const inner = initGitRepo(path.join(outer, 'inner'));
    writeTree(inner, { 'b.js': 'committed\n' });
    commitAll(inner);
    writeFileSync(path.join(inner, 'b.js'), 'edited\n');
    await expect(checkGitGuard([path.join(inner, 'b.js')], { allowDirty: false, allowNoGit: false })).rejects.toThrow(
      'b.js (modified)',
    );
  });

  it('says what to do, lists at most 10 files relative to cwd, and counts the rest', async () => {
    const repo = makeCleanRepo('many');
    const files = Array.from({ length: 12 }, (_, index) => `src/f${String(index).padStart(2, '0')}.js`);
    writeTree(repo, Object.fromEntries(files.map((file) => [file, 'x\n'])));
    const error = await checkGitGuard(
      files.map((file) => path.join(repo, file)),
      { allowDirty: false, allowNoGit: false, cwd: repo },
    ).catch((e: Error) => e);
    expect(error).toBeInstanceOf(RefusedWriteError);
    const lines = (error as Error).message.split('\n');
    expect(lines.filter((line) => line.startsWith('  src/'))).toEqual(
      files.slice(0, 10).map((file) => `  ${file} (untracked)`),
    );
    expect(lines).toContain('  … and 2 more');
    expect((error as Error).message).toMatch(/--allow-dirty/);
  });

  it('outside git, says how to put the code under git or to pass --allow-no-git', async () => {
    const file = prepare('no-repo');
    await expect(checkGitGuard([file], { allowDirty: true, allowNoGit: false })).rejects.toThrow(
      /not inside a git work tree[\s\S]*git init[\s\S]*--allow-no-git/,
    );
  });

  it('without git on PATH, says git is not installed', async () => {
    const file = prepare('clean');
    const savedPath = process.env.PATH;
    process.env.PATH = '/nonexistent-awaitify-test';
    try {
      await expect(checkGitGuard([file], { allowDirty: false, allowNoGit: false })).rejects.toThrow(
        /git is not installed[\s\S]*--allow-no-git/,
      );
    } finally {
      process.env.PATH = savedPath;
    }
  });

  const asRoot = process.getuid?.() === 0 ? it : it.skip;
  asRoot("passes on git's own complaint, such as a repository owned by someone else", async () => {
    const repo = makeCleanRepo('dubious');
    execFileSync('chown', ['-R', '12345:12345', repo]);
    await expect(checkGitGuard([path.join(repo, 'a.js')], { allowDirty: false, allowNoGit: false })).rejects.toThrow(
      /git said: detected dubious ownership/,
    );
  });
});
