import { execFileSync } from 'child_process';
import { mkdirSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'fs';
import * as path from 'path';
import { discoverFiles } from '../engine/discover';
import { UsageError } from '../core/errors';
import { commitAll, initGitRepo, makeTempFolder, writeTree } from './support/git-repo';

const MB = 1024 * 1024;
const folders: string[] = [];
afterAll(() => folders.forEach((folder) => rmSync(folder, { recursive: true, force: true })));

function makeFolder(prefix: string): string {
  const folder = makeTempFolder(prefix);
  folders.push(folder);
  return folder;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

async function discover(cwd: string, paths: string[] = ['.'], ignore: string[] = [], maxFileSize = 2 * MB) {
  const { files, skipped } = await discoverFiles({ paths, cwd, ignore, maxFileSize });
  return { paths: files.map((file) => file.path), files, skipped: skipped.map((s) => `${s.path}: ${s.reason}`) };
}

describe('discoverFiles outside git', () => {
  it('takes source extensions only, skips declarations and minified files silently', async () => {
    const root = makeFolder('ext');
    writeTree(root, {
      'a.js': '',
      'b.jsx': '',
      'c.mjs': '',
      'd.cjs': '',
      'e.ts': '',
      'f.tsx': '',
      'g.mts': '',
      'h.cts': '',
      'types.d.ts': '',
      'x.d.mts': '',
      'vendor.min.js': '',
      'readme.md': '',
      'data.json': '',
      'style.css': '',
    });
    const result = await discover(root);
    expect(result.paths).toEqual(['a.js', 'b.jsx', 'c.mjs', 'd.cjs', 'e.ts', 'f.tsx', 'g.mts', 'h.cts']);
    expect(result.skipped).toEqual([]);
  });

  it('fs-default-ignores: nested node_modules, dist, build, coverage and .git are not walked', async () => {
    const root = makeFolder('defaults');
    writeTree(root, {
      'src/app.js': '',
      'src/deep/node_modules/pkg/index.js': '',
      'node_modules/top/index.js': '',
      'packages/a/node_modules/b/node_modules/c/index.js': '',
      'dist/app.js': '',
      'build/app.js': '',
      'coverage/lcov.js': '',
      '.git/hooks/x.js': '',
      'packages/a/index.ts': '',
    });
    expect((await discover(root)).paths).toEqual(['packages/a/index.ts', 'src/app.js']);
  });

  it('a folder named on the command line is walked even if its name is a default skip', async () => {
    const root = makeFolder('named-build');
    writeTree(root, { 'build/tool.js': '', 'build/node_modules/x.js': '' });
    expect((await discover(root, ['build'])).paths).toEqual(['build/tool.js']);
  });

  it('--ignore globs: **, *, a bare folder name and a path prefix', async () => {
    const root = makeFolder('ignore');
    writeTree(root, {
      'src/a.js': '',
      'src/a.test.js': '',
      'src/legacy/old.js': '',
      'fixtures/x.js': '',
      'lib/fixtures/y.js': '',
      'lib/z.ts': '',
    });
    expect((await discover(root, ['.'], ['**/*.test.js'])).paths).not.toContain('src/a.test.js');
    expect((await discover(root, ['.'], ['*.test.js', 'fixtures', 'src/legacy'])).paths).toEqual([
      'lib/z.ts',
      'src/a.js',
    ]);
    expect((await discover(root, ['.'], ['src/**'])).paths).toEqual(['fixtures/x.js', 'lib/fixtures/y.js', 'lib/z.ts']);
    expect((await discover(root, ['.'], ['lib/?.ts'])).paths).not.toContain('lib/z.ts');
  });

  it('--ignore has .gitignore semantics: anchored paths, folders only, negation, braces, case', async () => {
    const root = makeFolder('ignore-gitignore');
    writeTree(root, {
      'src/a.js': '',
      'src/keep.gen.js': '',
      'src/x.gen.js': '',
      'lib/src/b.js': '',
      'out/c.js': '',
      'lib/out.js': '',
      'Upper.js': '',
      'docs/d.js': '',
      'tools/e.js': '',
    });
    const paths = async (...globs: string[]) => (await discover(root, ['.'], globs)).paths;
    // a pattern with a slash is anchored to the current folder; one without matches at any depth
    expect(await paths('src/*.js')).toContain('lib/src/b.js');
    expect(await paths('src/*.js')).not.toContain('src/a.js');
    // a trailing slash matches folders only
    expect(await paths('out/')).toEqual(expect.arrayContaining(['lib/out.js']));
    expect(await paths('out/')).not.toContain('out/c.js');
    expect(await paths('*.gen.js', '!keep.gen.js')).toEqual(expect.arrayContaining(['src/keep.gen.js']));
    expect(await paths('*.gen.js', '!keep.gen.js')).not.toContain('src/x.gen.js');
    expect(await paths('{docs,tools}/**')).not.toEqual(expect.arrayContaining(['docs/d.js']));
    expect(await paths('{docs,tools}/**')).not.toContain('tools/e.js');
    expect(await paths('upper.js')).toContain('Upper.js');
    expect(await paths('./Upper.js')).not.toContain('Upper.js');
  });

  it.each([
    ['[abc', 'a [ is never closed'],
    ['src/[z-a].js', 'the range z-a is empty'],
    ['{a,b', 'a { is never closed'],
    ['a}', 'a } has no { before it'],
    ['foo\\', 'it ends with a lone backslash'],
    ['../elsewhere', 'cannot reach above it'],
    ['#notes', 'is a comment'],
    ['!', 'an empty pattern'],
  ])('an --ignore pattern that cannot mean what it says is a UsageError naming it: %s', async (glob, why) => {
    const root = makeFolder('ignore-invalid');
    writeTree(root, { 'a.js': '' });
    await expect(discover(root, ['.'], [glob])).rejects.toThrow(UsageError);
    const error = await discover(root, ['.'], [glob]).catch((problem: Error) => problem);
    expect((error as Error).message).toMatch(
      new RegExp(`^--ignore ${escapeRegExp(JSON.stringify(glob))}: .*${escapeRegExp(why)}`),
    );
  });

  it('skips files over the size limit with a reason', async () => {
    const root = makeFolder('size');
    writeTree(root, { 'big.js': 'x'.repeat(2000), 'small.js': 'x' });
    const result = await discover(root, ['.'], [], 1000);
    expect(result.paths).toEqual(['small.js']);
    // names the option that decides it, and what to give it
    expect(result.skipped).toEqual([
      'big.js: 2000 bytes, larger than --max-file-size (1000 bytes); raise it to read the file (--max-file-size 2kb)',
    ]);
  });

  it('names a path that does not exist in a UsageError', async () => {
    const root = makeFolder('missing');
    await expect(discover(root, ['nope/'])).rejects.toThrow(UsageError);
    await expect(discover(root, ['nope/'])).rejects.toThrow(/nope/);
  });

  it('fs-symlink-escape: a link leading out of the tree is skipped with a reason, one inside is reported by its real path', async () => {
    const outside = makeFolder('outside');
    const root = makeFolder('escape');
    writeTree(outside, { 'secret.js': 'outside' });
    writeTree(root, { 'src/real.js': 'inside' });
    symlinkSync(path.join(outside, 'secret.js'), path.join(root, 'src/escape.js'));
    symlinkSync(outside, path.join(root, 'src/outdir'));
    symlinkSync('real.js', path.join(root, 'src/alias.js'));
    const result = await discover(root);
    expect(result.paths).toEqual(['src/real.js']);
    expect(result.files[0].absolutePath).toBe(path.join(root, 'src/real.js'));
    expect(result.skipped).toEqual([
      'src/escape.js: symlink leads out of the tree',
      'src/outdir: symlink leads out of the tree',
    ]);
  });

  it('fs-symlink-loop: folder links that loop terminate and every inode is taken once', async () => {
    const root = makeFolder('loop');
    writeTree(root, { 'a/file.js': '', 'a/b/deeper.ts': '' });
    symlinkSync('..', path.join(root, 'a/b/up'));
    symlinkSync(path.join(root, 'a'), path.join(root, 'mirror'));
    symlinkSync('loop2', path.join(root, 'loop1'));
    symlinkSync('loop1', path.join(root, 'loop2.js'));
    const result = await discover(root);
    expect(result.paths).toEqual(['a/b/deeper.ts', 'a/file.js']);
    expect(result.skipped).toEqual(['loop2.js: symlink points to nothing']);
  });

  it('a second hard link to a taken file is skipped with the first path', async () => {
    const root = makeFolder('hardlink');
    writeTree(root, { 'a.js': '' });
    execFileSync('ln', [path.join(root, 'a.js'), path.join(root, 'b.js')]);
    const result = await discover(root);
    expect(result.paths).toEqual(['a.js']);
    expect(result.skipped).toEqual(['b.js: same file as a.js (hard link)']);
  });

  it('never opens a FIFO', async () => {
    const root = makeFolder('fifo');
    writeTree(root, { 'a.js': '' });
    execFileSync('mkfifo', [path.join(root, 'pipe.js')]);
    const result = await discover(root);
    expect(result.paths).toEqual(['a.js']);
    expect(result.skipped).toEqual(['pipe.js: not a regular file']);
  });

  it('reports paths relative to the cwd when the target is elsewhere', async () => {
    const root = makeFolder('relative');
    writeTree(root, { 'work/here.txt': '', 'project/src/a.ts': '' });
    expect((await discover(path.join(root, 'work'), ['../project'])).paths).toEqual(['../project/src/a.ts']);
  });
});

describe('discoverFiles in a git work tree', () => {
  it("fs-gitignore-semantics: the TARGET repository's .gitignore applies, not the cwd's", async () => {
    const cwdRepo = initGitRepo(makeFolder('cwd-repo'));
    writeTree(cwdRepo, { '.gitignore': '*.js\n*.ts\n' });
    const target = initGitRepo(makeFolder('target-repo'));
    writeTree(target, {
      '.gitignore': 'generated/\n*.log.js\n!keep.log.js\n/rootonly.js\n',
      'src/a.js': '',
      'src/b.ts': '',
      'generated/out.js': '',
      'x.log.js': '',
      'keep.log.js': '',
      'rootonly.js': '',
      'sub/rootonly.js': '',
      'untracked-new.ts': '',
    });
    commitAll(target);
    writeTree(target, { 'later.js': '' });
    const result = await discover(cwdRepo, [target]);
    const relative = result.files.map((file) => path.relative(target, file.absolutePath));
    expect(relative).toEqual([
      'keep.log.js',
      'later.js',
      'src/a.js',
      'src/b.ts',
      'sub/rootonly.js',
      'untracked-new.ts',
    ]);
  });

  it('a repository inside a plain folder is asked for its files', async () => {
    const plain = makeFolder('plain');
    writeTree(plain, { 'top.js': '', 'generated.js': '' });
    const repo = initGitRepo(path.join(plain, 'service'));
    writeTree(repo, { '.gitignore': 'generated.js\n', 'app.js': '', 'generated.js': '' });
    expect((await discover(plain)).paths).toEqual(['generated.js', 'service/app.js', 'top.js']);
  });

  it('drops tracked files that were deleted, and committed node_modules', async () => {
    const repo = initGitRepo(makeFolder('deleted'));
    writeTree(repo, { 'a.js': '', 'gone.js': '', 'node_modules/dep/index.js': '', 'vendor/node_modules/x.js': '' });
    commitAll(repo);
    unlinkSync(path.join(repo, 'gone.js'));
    expect((await discover(repo)).paths).toEqual(['a.js']);
  });

  it('takes a gitignored file named explicitly (the user asked for it)', async () => {
    const repo = initGitRepo(makeFolder('named'));
    writeTree(repo, { '.gitignore': 'scripts/\n', 'scripts/tool.js': '', 'notes.md': '' });
    expect((await discover(repo)).paths).toEqual([]);
    const named = await discover(repo, ['scripts/tool.js', 'notes.md']);
    expect(named.paths).toEqual(['scripts/tool.js']);
    expect(named.skipped).toEqual(['notes.md: not a JavaScript or TypeScript file']);
    writeTree(repo, { '.git/hooks/pre-commit.js': '' });
    expect((await discover(repo, ['.git/hooks/pre-commit.js', '.git'])).skipped).toEqual([
      '.git/hooks/pre-commit.js: inside a .git folder',
    ]);
  });

  it('asks a nested repository for its own files', async () => {
    const outer = initGitRepo(makeFolder('outer'));
    writeTree(outer, { 'a.js': '' });
    const inner = initGitRepo(path.join(outer, 'inner'));
    writeTree(inner, { '.gitignore': 'ignored.js\n', 'b.js': '', 'ignored.js': '' });
    expect((await discover(outer)).paths).toEqual(['a.js', 'inner/b.js']);
  });

  it('fs-symlink-escape in git: a tracked link out of the repository is skipped; one inside is taken once', async () => {
    const outside = makeFolder('git-outside');
    writeTree(outside, { 'secret.js': '' });
    const repo = initGitRepo(makeFolder('git-links'));
    writeTree(repo, { 'src/real.js': '' });
    symlinkSync(path.join(outside, 'secret.js'), path.join(repo, 'src/escape.js'));
    symlinkSync('real.js', path.join(repo, 'src/alias.js'));
    mkdirSync(path.join(repo, 'lib'));
    writeFileSync(path.join(repo, 'lib/x.ts'), '');
    commitAll(repo);
    const result = await discover(repo);
    expect(result.paths).toEqual(['lib/x.ts', 'src/real.js']);
    expect(result.skipped).toEqual(['src/escape.js: symlink leads out of the tree']);
  });
});
