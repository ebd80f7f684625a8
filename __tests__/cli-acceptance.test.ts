/**
 * Issue 2's acceptance, run in process through runCli against the scratch repository of
 * support/cli-scenario.ts with the test transform (oldName( → newName().
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, lstatSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { JsonReport } from '../report/json';
import { patchHeader } from '../report/patch';
import { runCliInProcess } from './support/cli-harness';
import { buildScenario, outsideTarget, readText, scenarioFiles, snapshotTree } from './support/cli-scenario';
import { makeTempFolder } from './support/git-repo';

function git(dir: string, ...args: string[]): string {
  return execFileSync('git', ['-C', dir, '-c', 'core.autocrlf=false', ...args], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

describe('acceptance: scratch repository with CRLF+BOM, untouched, unparsable and symlinked files', () => {
  test('preview writes nothing, exits 2 and names the unparsable file with line:col', async () => {
    const { repo, outside } = buildScenario();
    const before = snapshotTree(repo);
    const run = await runCliInProcess([], { cwd: repo });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^ {2}src\/broken\.js:2:\d+: cannot parse/m);
    expect(run.stderr).toMatch(/^ {2}src\/link\.js: .*symlink/m);
    expect(run.stdout).toContain('diff --git a/src/crlf-bom.js b/src/crlf-bom.js\n');
    expect(run.stdout).not.toContain('link.js');
    expect(snapshotTree(repo)).toEqual(before);
    expect(readText(outside, 'target.js')).toBe(outsideTarget);
  });

  test('git apply --check accepts the --patch output', async () => {
    const { repo } = buildScenario();
    const patch = path.join(makeTempFolder('patch'), 'out.patch');
    const run = await runCliInProcess(['--patch', patch], { cwd: repo });
    expect(run.code).toBe(2);
    expect(readFileSync(patch, 'utf8')).toBe(`${patchHeader}\n${run.stdout}`);
    expect(() => git(repo, 'apply', '--check', patch)).not.toThrow();
  });

  test('io-temp-sweep: the next --write removes the temp file a killed run left, and writes as usual', async () => {
    const { repo } = buildScenario();
    // a run killed between writing its temp file and the rename leaves exactly this behind
    const deadPid = spawnSync(process.execPath, ['-e', '']).pid;
    const stale = path.join(repo, 'src', `.crlf-bom.js.awaitify-${deadPid}-0a1b2c3d.tmp`);
    writeFileSync(stale, 'half of a new file');
    const run = await runCliInProcess(['--write'], { cwd: repo });
    expect(run.stdout).toContain('wrote src/crlf-bom.js\n');
    expect(existsSync(stale)).toBe(false);
    expect(readdirSync(path.join(repo, 'src')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  test('--write produces exactly the tree the patch describes, keeps CRLF and BOM, leaves the rest alone', async () => {
    const { repo, outside } = buildScenario();
    const patch = path.join(makeTempFolder('patch'), 'out.patch');
    await runCliInProcess(['--patch', patch], { cwd: repo });
    const clone = path.join(makeTempFolder('clone'), 'repo');
    execFileSync('git', ['-c', 'core.autocrlf=false', 'clone', '-q', repo, clone]);
    git(clone, 'apply', patch);
    const symlinkBefore = lstatSync(path.join(repo, 'src/link.js'));

    const run = await runCliInProcess(['--write'], { cwd: repo });
    expect(run.code).toBe(2); // src/broken.js failed; the other files are still written
    expect(run.stdout).toBe('wrote src/crlf-bom.js\nwrote src/no-final-newline.js\nwrote src/with space.js\n');
    expect(snapshotTree(repo)).toEqual(snapshotTree(clone));
    expect(readFileSync(path.join(repo, 'src/crlf-bom.js'))).toEqual(
      Buffer.from('\ufeffconst x = newName(1);\r\nfoo();\r\n'),
    );
    expect(readText(repo, 'src/no-final-newline.js')).toBe('newName(2)');
    expect(readText(repo, 'src/untouched.js')).toBe(scenarioFiles['src/untouched.js']);
    expect(readText(repo, 'src/broken.js')).toBe(scenarioFiles['src/broken.js']);
    expect(lstatSync(path.join(repo, 'src/link.js')).isSymbolicLink()).toBe(true);
    expect(lstatSync(path.join(repo, 'src/link.js')).ino).toBe(symlinkBefore.ino);
    expect(readText(outside, 'target.js')).toBe(outsideTarget);
  });

  test('a second run finds nothing to change', async () => {
    const { repo } = buildScenario();
    await runCliInProcess(['--write'], { cwd: repo });
    const second = await runCliInProcess(['--json'], { cwd: repo });
    const report = JSON.parse(second.stdout) as JsonReport;
    expect(report.totals.changed).toBe(0);
    expect(report.files.filter((f) => f.diff !== undefined)).toEqual([]);
  });

  test('--check exits 1 while changes are pending and 0 after --write', async () => {
    const { repo } = buildScenario();
    const check = ['--check', '--ignore', 'src/broken.js'];
    const pending = await runCliInProcess(check, { cwd: repo });
    expect(pending.code).toBe(1);
    expect(pending.stderr).toContain('3 files would change');
    expect((await runCliInProcess(['--write', '--ignore', 'src/broken.js'], { cwd: repo })).code).toBe(0);
    expect((await runCliInProcess(check, { cwd: repo })).code).toBe(0);
  });

  test('--check exits 2, not 1, when a file failed', async () => {
    const { repo } = buildScenario();
    expect((await runCliInProcess(['--check'], { cwd: repo })).code).toBe(2);
  });

  test('a dirty tree is refused with exit 2 and no file changes', async () => {
    const { repo } = buildScenario();
    appendFileSync(path.join(repo, 'src/crlf-bom.js'), '// local edit\r\n');
    const before = snapshotTree(repo);
    const run = await runCliInProcess(['--write'], { cwd: repo });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /Refusing to write[^]*src\/crlf-bom\.js \(modified\)[^]*nothing was written: the tree is unchanged\n/,
    );
    expect(run.stdout).toBe('');
    expect(snapshotTree(repo)).toEqual(before);
  });

  test('preview, --check, --json and --patch work on a dirty tree', async () => {
    const { repo } = buildScenario();
    appendFileSync(path.join(repo, 'src/crlf-bom.js'), '// local edit\r\n');
    const patch = path.join(makeTempFolder('patch'), 'out.patch');
    const ignore = ['--ignore', 'src/broken.js'];
    expect((await runCliInProcess(ignore, { cwd: repo })).code).toBe(0);
    expect((await runCliInProcess(['--check', ...ignore], { cwd: repo })).code).toBe(1);
    expect((await runCliInProcess(['--json', '--patch', patch, ...ignore], { cwd: repo })).code).toBe(0);
    expect(() => git(repo, 'apply', '--check', patch)).not.toThrow();
  });

  test.each([
    [['--allow-dirty', '--write', 'src']],
    [['src', '--write', '--allow-dirty']],
    [['--write', 'src', '--allow-dirty', '--ignore', 'src/broken.js']],
  ])('--allow-dirty works in any argument position: %j', async (argv) => {
    const { repo } = buildScenario();
    appendFileSync(path.join(repo, 'src/crlf-bom.js'), '// local edit\r\n');
    const run = await runCliInProcess(argv, { cwd: repo });
    expect(run.stdout).toContain('wrote src/crlf-bom.js\n');
    expect(readText(repo, 'src/crlf-bom.js')).toBe('\ufeffconst x = newName(1);\r\nfoo();\r\n// local edit\r\n');
  });

  test('rep-unknown-transform: an unknown transform name exits 2 before touching anything', async () => {
    const { repo } = buildScenario();
    const before = snapshotTree(repo);
    const run = await runCliInProcess(['--write', '--allow-dirty', '--transforms', 'rename-old-name,nope'], {
      cwd: repo,
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('awaitify: unknown transform "nope"; valid names: rename-old-name\n');
    expect(run.stdout).toBe('');
    expect(snapshotTree(repo)).toEqual(before);
  });

  test('rep-exit-codes: exit code 2 with --json when a file failed', async () => {
    const { repo } = buildScenario();
    const run = await runCliInProcess(['--json'], { cwd: repo });
    expect(run.code).toBe(2);
    const report = JSON.parse(run.stdout) as JsonReport;
    expect(report.exitCode).toBe(2);
    const broken = report.files.find((f) => f.path === 'src/broken.js');
    expect(broken).toMatchObject({ status: 'failed', error: { line: 2 } });
  });

  test('rep-counts-sum: counts in the summary sum to the files discovered', async () => {
    const { repo } = buildScenario();
    const run = await runCliInProcess([], { cwd: repo });
    const match = /^awaitify: (\d+) changed, (\d+) unchanged, (\d+) skipped, (\d+) failed \((\d+) files\)$/m.exec(
      run.stderr,
    );
    expect(match).not.toBeNull();
    const [changed, unchanged, skipped, failed, total] = (match ?? []).slice(1).map(Number);
    const tracked = git(repo, 'ls-files')
      .split('\n')
      .filter((f) => f.endsWith('.js'));
    expect([changed, unchanged, skipped, failed]).toEqual([3, 1, 1, 1]);
    expect(changed + unchanged + skipped + failed).toBe(total);
    expect(total).toBe(tracked.length);
    const json = JSON.parse((await runCliInProcess(['--json'], { cwd: repo })).stdout) as JsonReport;
    expect(json.stats.discovered).toBe(total);
  });
});
