/** The progress line: terminal stderr only, runs over 300 files only, throttled, erased at the end. */
import { createProgress } from '../cli/progress';
import { runCliInProcess } from './support/cli-harness';
import { makeTempFolder, writeTree } from './support/git-repo';

function captureProgress(
  enabled: boolean,
  times: number[],
): { progress: ReturnType<typeof createProgress>; output: string[] } {
  const output: string[] = [];
  let tick = 0;
  const progress = createProgress({
    stream: { write: (chunk: string) => output.push(chunk) },
    enabled,
    now: () => times[Math.min(tick++, times.length - 1)],
  });
  return { progress, output };
}

describe('createProgress', () => {
  test('draws files done/total and elapsed seconds, at most every 100 ms, and erases the line', () => {
    // now() is read once at creation, then once per update.
    const { progress, output } = captureProgress(true, [0, 10, 50, 120, 150, 260, 270]);
    for (const done of [1, 2, 3, 4, 5, 6]) progress.update(done, 6000);
    progress.finish();
    expect(output).toEqual([
      '\r\u001b[Kawaitify: 1/6000 files, 0.0s',
      '\r\u001b[Kawaitify: 3/6000 files, 0.1s',
      '\r\u001b[Kawaitify: 5/6000 files, 0.3s',
      '\r\u001b[K',
    ]);
  });

  test('always draws the last file, however soon', () => {
    const { progress, output } = captureProgress(true, [0, 10, 20]);
    progress.update(400, 401);
    progress.update(401, 401);
    expect(output.map((line) => line.replace('\r\u001b[K', ''))).toEqual([
      'awaitify: 400/401 files, 0.0s',
      'awaitify: 401/401 files, 0.0s',
    ]);
  });

  test('nothing for 300 files or fewer, nothing when disabled, and finish() erases only what was drawn', () => {
    const small = captureProgress(true, [0, 500, 1000]);
    small.progress.update(1, 300);
    small.progress.finish();
    const disabled = captureProgress(false, [0, 500, 1000]);
    disabled.progress.update(1, 5000);
    disabled.progress.finish();
    expect([small.output, disabled.output]).toEqual([[], []]);
  });
});

describe('progress in the CLI', () => {
  let dir: string;
  beforeAll(() => {
    dir = makeTempFolder('progress');
    writeTree(dir, Object.fromEntries(Array.from({ length: 301 }, (_, i) => [`f${i}.js`, `f(${i});\n`])));
  });

  test('shown on a terminal stderr for more than 300 files, and erased before the summary', async () => {
    const run = await runCliInProcess([], { cwd: dir, stderrIsTTY: true });
    expect(run.stderr).toMatch(/^\r\u001b\[Kawaitify: \d+\/301 files, \d+\.\ds/);
    expect(run.stderr).toContain('awaitify: 301/301 files');
    expect(run.stderr).toMatch(/files, \d+\.\ds\r\u001b\[K\u001b\[1mawaitify:\u001b\[22m \u001b\[32m0 changed/);
  });

  test.each([
    ['a pipe', [], false],
    ['--json on a terminal', ['--json'], true],
  ])('never on %s', async (_what, argv, stderrIsTTY) => {
    const run = await runCliInProcess(argv, { cwd: dir, stderrIsTTY });
    expect(run.stderr).not.toContain('files, ');
    expect(run.stderr).not.toContain('\r');
  });
});
