/**
 * The rough edges of issue 17, point 8, each as a user meets it: a mistyped flag, `-v`, a
 * `--concurrency` larger than the machine, and package.json changes that need an install.
 */
import { availableParallelism } from 'node:os';
import type { JsonReport } from '../report/json';
import { registry } from '../transforms/registry';
import { runCliInProcess } from './support/cli-harness';
import { buildScenario, snapshotTree } from './support/cli-scenario';
import { commitAll, initGitRepo, makeTempFolder, writeTree } from './support/git-repo';

describe('a mistyped flag or command', () => {
  test.each([
    [['--writ'], 'Unknown argument: writ (did you mean --write?)'],
    [['--chek'], 'Unknown argument: chek (did you mean --check?)'],
    [['--allow-dirt', '--write'], 'Unknown argument: allow-dirt (did you mean --allow-dirty?)'],
    [['--ignor', 'x'], 'Unknown argument: ignor (did you mean --ignore?)'],
    [['--max-filesize', '1kb'], 'Unknown argument: max-filesize (did you mean --max-file-size?)'],
    [['--zzzzzz'], 'Unknown argument: zzzzzz\n'],
    [['lsit'], 'no such file or folder: lsit (did you mean the command list?)'],
  ])('%j exits 2, suggests the closest name and touches nothing', async (argv, message) => {
    const { repo } = buildScenario();
    const before = snapshotTree(repo);
    const run = await runCliInProcess(argv, { cwd: repo });
    expect([run.code, run.stdout]).toEqual([2, '']);
    expect(run.stderr).toContain(message);
    expect(snapshotTree(repo)).toEqual(before);
  });
});

test('-v is --version', async () => {
  const dir = makeTempFolder('dash-v');
  const long = await runCliInProcess(['--version'], { cwd: dir });
  const short = await runCliInProcess(['-v'], { cwd: dir });
  expect(short).toEqual(long);
  expect(short.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
});

test('--concurrency above the CPU count runs with the CPU count and says so', async () => {
  const dir = makeTempFolder('concurrency');
  writeTree(dir, { 'a.js': 'oldName(1);\n' });
  const run = await runCliInProcess(['--concurrency', '99', '--json'], { cwd: dir });
  const cpus = availableParallelism();
  expect(run.code).toBe(0);
  expect(run.stderr).toContain(
    `awaitify: note: --concurrency 99 is more than the ${cpus} CPU${cpus === 1 ? '' : 's'} here; using ${cpus}\n`,
  );
  expect((JSON.parse(run.stdout) as JsonReport).options.engine.concurrency).toBe(cpus);
  const fits = await runCliInProcess(['--concurrency', String(cpus)], { cwd: dir });
  expect(fits.stderr).not.toContain('note: --concurrency');
});

describe('after package.json changed, a hint to install', () => {
  function buildProject(lockFile?: string): string {
    const repo = initGitRepo(makeTempFolder('install-hint'));
    writeTree(repo, {
      'package.json': '{\n  "dependencies": {\n    "sync-request": "^6.1.0"\n  }\n}\n',
      'src/get.js':
        "const request = require('sync-request');\nfunction get(u) {\n  return request('GET', u).getBody();\n}\nmodule.exports = { get };\n",
      ...(lockFile ? { [lockFile]: '' } : {}),
    });
    commitAll(repo);
    return repo;
  }

  test('the preview says to install after --write; --write says to install now', async () => {
    const repo = buildProject();
    const preview = await runCliInProcess([], { cwd: repo, overrides: { registry } });
    expect(preview.stderr).toContain('package.json would change: after --write, run npm install\n');
    const write = await runCliInProcess(['--write'], { cwd: repo, overrides: { registry } });
    expect(write.code).toBe(0);
    expect(write.stderr).toContain('package.json changed: run npm install to update node_modules and the lock file\n');
  });

  test.each([
    ['yarn.lock', 'yarn install'],
    ['pnpm-lock.yaml', 'pnpm install'],
  ])('beside %s it names %s', async (lockFile, command) => {
    const repo = buildProject(lockFile);
    const write = await runCliInProcess(['--write'], { cwd: repo, overrides: { registry } });
    expect(write.stderr).toContain(`package.json changed: run ${command} to update node_modules and the lock file\n`);
  });

  test('no hint when no package.json changes', async () => {
    const { repo } = buildScenario();
    const run = await runCliInProcess(['--ignore', 'src/broken.js'], { cwd: repo });
    expect(run.stderr).not.toContain('install');
  });
});
