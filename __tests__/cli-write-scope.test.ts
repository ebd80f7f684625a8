/**
 * Arguments never widen a write (issue 17, point 2): what follows `--` is paths, a dotted flag is an
 * unknown argument, and `--patch FILE` overwrites only a patch awaitify wrote before — never a tracked
 * file, a source file of the run, a symlink or anything that is not a regular file.
 */
import { mkfifoSync } from './support/fifo';
import { readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { runCliInProcess } from './support/cli-harness';
import { buildScenario, readText, scenarioFiles, snapshotTree } from './support/cli-scenario';
import { makeTempFolder } from './support/git-repo';

describe('paths after -- are paths', () => {
  test('--write -- src/no-final-newline.js writes that file only', async () => {
    const { repo } = buildScenario();
    const run = await runCliInProcess(['--write', '--', 'src/no-final-newline.js'], { cwd: repo });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('wrote src/no-final-newline.js\n');
    expect(readText(repo, 'src/no-final-newline.js')).toBe('newName(2)');
    expect(readText(repo, 'src/with space.js')).toBe(scenarioFiles['src/with space.js']);
  });

  test('a flag after -- is a path, not a flag: -- --write writes nothing', async () => {
    const { repo } = buildScenario();
    const before = snapshotTree(repo);
    const run = await runCliInProcess(['--', '--write'], { cwd: repo });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('no such file or folder: --write');
    expect(snapshotTree(repo)).toEqual(before);
  });

  test.each([['--write.anything'], ['--write.x=1'], ['--allow-dirty.x']])(
    '%s is an unknown argument and writes nothing',
    async (flag) => {
      const { repo } = buildScenario();
      const before = snapshotTree(repo);
      const run = await runCliInProcess([flag], { cwd: repo });
      expect([run.code, run.stdout]).toEqual([2, '']);
      expect(run.stderr).toMatch(/Unknown argument/);
      expect(snapshotTree(repo)).toEqual(before);
    },
  );
});

describe('--patch FILE overwrites only a patch awaitify wrote', () => {
  const ignoreBroken = ['--ignore', 'src/broken.js'];

  test('a new file gets the patch, led by the header line that marks it as awaitify’s', async () => {
    const { repo } = buildScenario();
    const patch = path.join(makeTempFolder('patch'), 'out.patch');
    const run = await runCliInProcess(['--patch', patch, ...ignoreBroken], { cwd: repo });
    expect(run.code).toBe(0);
    const text = readFileSync(patch, 'utf8');
    expect(text.split('\n')[0]).toMatch(/^# awaitify patch/);
    expect(text.slice(text.indexOf('\n') + 1)).toBe(run.stdout);
  });

  test('a patch awaitify wrote before is overwritten', async () => {
    const { repo } = buildScenario();
    const patch = path.join(makeTempFolder('patch'), 'out.patch');
    await runCliInProcess(['--patch', patch, ...ignoreBroken], { cwd: repo });
    writeFileSync(patch, readFileSync(patch, 'utf8') + 'stale tail\n');
    const again = await runCliInProcess(['--patch', patch, ...ignoreBroken], { cwd: repo });
    expect(again.code).toBe(0);
    expect(readFileSync(patch, 'utf8')).not.toContain('stale tail');
  });

  test('an existing file that is not an awaitify patch is refused, and the message says how to overwrite', async () => {
    const { repo } = buildScenario();
    const patch = path.join(makeTempFolder('patch'), 'notes.txt');
    writeFileSync(patch, 'my notes\n');
    const run = await runCliInProcess(['--patch', patch, ...ignoreBroken], { cwd: repo });
    expect([run.code, run.stdout]).toEqual([2, '']);
    expect(run.stderr).toContain('is not a patch awaitify wrote');
    expect(run.stderr).toContain('delete it first');
    expect(readFileSync(patch, 'utf8')).toBe('my notes\n');
  });

  test('a tracked source file of the run is refused (issue 17: it was replaced by the diff)', async () => {
    const { repo } = buildScenario();
    const before = snapshotTree(repo);
    const run = await runCliInProcess(['--patch', 'src/with space.js'], { cwd: repo });
    expect([run.code, run.stdout]).toEqual([2, '']);
    expect(run.stderr).toMatch(/--patch src\/with space\.js: .*not a patch awaitify wrote/);
    expect(snapshotTree(repo)).toEqual(before);
  });

  test('a tracked file is refused even when it holds an awaitify patch', async () => {
    const { repo } = buildScenario();
    writeFileSync(path.join(repo, 'migration.patch'), '# awaitify patch\n');
    const { execFileSync } = await import('node:child_process');
    execFileSync('git', ['-C', repo, 'add', 'migration.patch']);
    const run = await runCliInProcess(['--patch', 'migration.patch', ...ignoreBroken], { cwd: repo });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--patch migration.patch: git tracks this file');
    expect(readText(repo, 'migration.patch')).toBe('# awaitify patch\n');
  });

  test('a source file of the run is refused even when it holds an awaitify patch header', async () => {
    const dir = makeTempFolder('patch-source');
    writeFileSync(path.join(dir, 'a.js'), '# awaitify patch\n');
    writeFileSync(path.join(dir, 'b.js'), 'oldName(1);\n');
    const run = await runCliInProcess(['--patch', 'a.js', '.'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--patch a.js: it is a source file of this run');
    expect(readFileSync(path.join(dir, 'a.js'), 'utf8')).toBe('# awaitify patch\n');
  });

  test('a symlink is refused, and the file it points to keeps its bytes', async () => {
    const { repo } = buildScenario();
    const folder = makeTempFolder('patch-link');
    symlinkSync(path.join(repo, 'src/untouched.js'), path.join(folder, 'out.patch'));
    const run = await runCliInProcess(['--patch', path.join(folder, 'out.patch'), ...ignoreBroken], { cwd: repo });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('is a symlink');
    expect(readText(repo, 'src/untouched.js')).toBe(scenarioFiles['src/untouched.js']);
  });

  test('a FIFO is refused without blocking', async () => {
    const { repo } = buildScenario();
    const fifo = path.join(makeTempFolder('patch-fifo'), 'out.patch');
    mkfifoSync(fifo);
    const run = await runCliInProcess(['--patch', fifo, ...ignoreBroken], { cwd: repo });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('is not a regular file');
  });
});
