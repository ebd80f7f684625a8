/**
 * The built CLI as users run it: `node dist/bin/awaitify.js` (real registry) and the same entry with
 * the test transform, on real pipes. `npm test` builds dist/ before jest runs.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { runCliInProcess } from './support/cli-harness';
import { buildScenario } from './support/cli-scenario';
import { makeTempFolder, writeTree } from './support/git-repo';

const root = path.join(__dirname, '..');
const bin = path.join(root, 'dist', 'bin', 'awaitify.js');
const entry = path.join(__dirname, 'support', 'cli-tty-entry.js');

beforeAll(() => {
  if (!existsSync(bin) || !existsSync(path.join(root, 'dist', 'cli', 'process-io.js'))) {
    throw new Error('dist/ is missing or stale: run `npm run build` first (`npm test` does)');
  }
});

function runNode(args: string[], cwd: string): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '', FORCE_COLOR: undefined },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('node dist/bin/awaitify.js', () => {
  test('--help exits 0 with the options and examples', () => {
    const run = runNode([bin, '--help'], root);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('--allow-dirty');
    expect(run.stdout).toContain('Examples:');
  });

  test('rep-exit-propagates: an unknown flag sets the process exit code to 2', () => {
    const run = runNode([bin, '--definitely-not-a-flag'], root);
    expect([run.code, run.stdout]).toEqual([2, '']);
    expect(run.stderr).toContain('Unknown argument: definitely-not-a-flag');
  });

  test('list exits 0 and names every registered transform', () => {
    const run = runNode([bin, 'list'], root);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^(1\. [a-z-]+\n|no transforms are registered\n)/);
  });
});

describe('the built CLI with the test transform, on pipes', () => {
  test('the preview on a pipe is the in-process preview, without colour, and exits 2 for the failed file', async () => {
    const { repo } = buildScenario();
    const spawned = runNode([entry], repo);
    const inProcess = await runCliInProcess([], { cwd: repo });
    expect(spawned.code).toBe(2);
    expect(spawned.stdout).toBe(inProcess.stdout);
    expect(spawned.stderr).toBe(inProcess.stderr);
    expect(spawned.stdout).not.toContain('\u001b[');
  });

  test('--interactive with stdin on a pipe exits 2 with a message', () => {
    const { repo } = buildScenario();
    const run = spawnSync(process.execPath, [entry, '--interactive'], { cwd: repo, encoding: 'utf8', input: 'a\n' });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--interactive needs a terminal');
  });

  test('a reader that closes the pipe early (| head) does not crash the CLI', async () => {
    const dir = makeTempFolder('epipe');
    writeTree(dir, Object.fromEntries(Array.from({ length: 200 }, (_, i) => [`f${i}.js`, `oldName(${i});\n`])));
    const child = spawn(process.execPath, [entry, '--json'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).not.toContain('EPIPE');
    expect(code).toBe(0);
  });
});
