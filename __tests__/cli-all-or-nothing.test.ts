/**
 * All-or-nothing writes through the CLI (issue 17, point 3): one file that cannot be written leaves every
 * file — package.json included — as it was; a read-only file is refused with a message and written only
 * with --allow-read-only; temp files of a killed run are named for `git status` and removed by the next run.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { registry } from '../transforms/registry';
import { runCliInProcess } from './support/cli-harness';
import { buildScenario, snapshotTree } from './support/cli-scenario';
import { commitAll, initGitRepo, makeTempFolder, writeTree } from './support/git-repo';

const usesSyncRequest =
  "const request = require('sync-request');\nfunction get(u) {\n  return request('GET', u).getBody('utf8');\n}\n" +
  'module.exports = { get };\n';
const manifest = '{\n  "name": "t",\n  "dependencies": {\n    "sync-request": "^6.1.0"\n  }\n}\n';

function buildProject(): string {
  const repo = initGitRepo(makeTempFolder('all-or-nothing'));
  writeTree(repo, { 'package.json': manifest, 'src/a.js': usesSyncRequest, 'src/ro/b.js': usesSyncRequest });
  commitAll(repo);
  return repo;
}

describe('a file that cannot be written leaves the whole tree as it was', () => {
  test('a read-only folder: refused before the first write, package.json keeps sync-request', async () => {
    const repo = buildProject();
    chmodSync(path.join(repo, 'src/ro'), 0o555);
    try {
      const before = snapshotTree(repo);
      const run = await runCliInProcess(['--write'], { cwd: repo, overrides: { registry } });
      expect([run.code, run.stdout]).toEqual([2, '']);
      expect(run.stderr).toContain('src/ro/b.js: its folder is read-only (mode 0555); pass --allow-read-only');
      expect(run.stderr).toContain('nothing was written: the tree is unchanged');
      expect(snapshotTree(repo)).toEqual(before);
      const allowed = await runCliInProcess(['--write', '--allow-read-only'], { cwd: repo, overrides: { registry } });
      expect(allowed.code).toBe(0);
      expect(readFileSync(path.join(repo, 'package.json'), 'utf8')).not.toContain('sync-request');
      expect(statSync(path.join(repo, 'src/ro')).mode & 0o7777).toBe(0o555);
    } finally {
      chmodSync(path.join(repo, 'src/ro'), 0o755);
    }
  });

  test('a read-only file is refused with a message; --json names it and says nothing was written', async () => {
    const { repo } = buildScenario();
    chmodSync(path.join(repo, 'src/no-final-newline.js'), 0o444);
    const before = snapshotTree(repo);
    const run = await runCliInProcess(['--write', '--json', '--ignore', 'src/broken.js'], { cwd: repo });
    expect(run.code).toBe(2);
    const report = JSON.parse(run.stdout) as { written: string[]; notWritten: { path: string; reason: string }[] };
    expect(report.written).toEqual([]);
    expect(report.notWritten).toEqual([
      { path: 'src/no-final-newline.js', reason: expect.stringMatching(/^is read-only for this user \(mode 0444\)/) },
    ]);
    expect(snapshotTree(repo)).toEqual(before);
  });
});

describe('temp files of a killed run', () => {
  function leaveStaleTemp(repo: string): string {
    const deadPid = spawnSync(process.execPath, ['-e', '']).pid;
    const stale = path.join(repo, 'src', `crlf-bom.js.awaitify-tmp-${deadPid}-0a1b2c3d`);
    writeFileSync(stale, 'half of a new file');
    return stale;
  }

  test('git status shows them by a name that says what they are, even where *.tmp is ignored', () => {
    const { repo } = buildScenario();
    writeFileSync(path.join(repo, '.gitignore'), '*.tmp\n');
    const stale = leaveStaleTemp(repo);
    const status = execFileSync('git', ['-C', repo, 'status', '--porcelain', '--untracked-files=all'], {
      encoding: 'utf8',
    });
    expect(status).toContain(`?? src/${path.basename(stale)}`);
  });

  test('the next run removes them, even a preview, and says so', async () => {
    const { repo } = buildScenario();
    const stale = leaveStaleTemp(repo);
    const run = await runCliInProcess(['--ignore', 'src/broken.js'], { cwd: repo });
    expect(run.code).toBe(0);
    expect(existsSync(stale)).toBe(false);
    expect(run.stderr).toContain(
      `removed 1 temp file that an interrupted awaitify run left:\n  src/${path.basename(stale)}\n`,
    );
  });
});
