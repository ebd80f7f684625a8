/** Command-line parsing, usage errors, `list`, `--help`, colour decisions and output routing. */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseByteSize } from '../core/options';
import { registry } from '../transforms/registry';
import { describeUsageError } from '../cli/parse-args';
import { shouldUseColor } from '../report/color';
import { runCliInProcess } from './support/cli-harness';
import { buildScenario, snapshotTree } from './support/cli-scenario';
import { makeTempFolder, writeTree } from './support/git-repo';

const ansi = '\u001b[';

describe('usage errors exit 2 with a message and touch nothing', () => {
  let repo: string;
  let before: Record<string, string>;
  beforeAll(() => {
    repo = buildScenario().repo;
    before = snapshotTree(repo);
  });
  afterAll(() => expect(snapshotTree(repo)).toEqual(before));

  test.each([
    [['--bogus'], 'awaitify: Unknown argument: bogus\n'],
    [['--made-up-flag'], 'awaitify: Unknown argument: made-up-flag\n'],
    [['--write', '--check'], 'mutually exclusive'],
    [['--interactive', '--json'], 'mutually exclusive'],
    [['--patch'], 'Not enough arguments following: patch'],
    [['--max-file-size', 'huge'], '--max-file-size: "huge" is not a size'],
    [['--concurrency', '0'], '--concurrency: "0" is not a whole number from 1 to'],
    [['--concurrency', 'many'], '--concurrency: "many" is not a whole number from 1 to'],
    [['no/such/folder'], 'awaitify: no such file or folder: no/such/folder\n'],
    [['list', 'extra'], 'Unknown argument: extra'],
    [['--patch', 'missing-dir/out.patch'], '--patch missing-dir/out.patch: its folder does not exist'],
    [['--interactive'], '--interactive needs a terminal'],
    [['--patch', '.'], '--patch .: is not a regular file'],
    [['--ignore', '[abc'], 'awaitify: --ignore "[abc": a [ is never closed (write \\[ for a literal bracket)\n'],
  ])('%j', async (argv, message) => {
    const run = await runCliInProcess(argv, { cwd: repo });
    expect([run.code, run.stdout]).toEqual([2, '']);
    expect(run.stderr).toContain(message);
  });
});

describe("usage errors about the real transforms' options", () => {
  let repo: string;
  beforeAll(() => {
    repo = buildScenario().repo;
  });

  test.each([
    [['--async', 'nohash'], '--async: "nohash" is not FILE#NAME'],
    [
      ['--async', 'lib/a.js#f', '--transforms', 'unwrap-runners'],
      '--async belongs to propagate-async, which --transforms does not select',
    ],
    [
      ['--runner', 'x', '--transforms', 'propagate-async'],
      '--runner belongs to unwrap-runners, which --transforms does not select',
    ],
    [['--write.anything'], 'Unknown argument: write.anything'],
  ])('%j', async (argv, message) => {
    const run = await runCliInProcess(argv, { cwd: repo, overrides: { registry } });
    expect([run.code, run.stdout]).toEqual([2, '']);
    expect(run.stderr).toContain(message);
  });
});

describe('--async FILE#NAME that matches nothing', () => {
  const project = () => {
    const folder = makeTempFolder('async-names');
    writeTree(folder, {
      'src/db.js':
        'async function query(sql) { return sql; }\nfunction close() {}\nmodule.exports = { query, close };\n',
      'src/app.js':
        "const { query } = require('./db');\nfunction count() { return query('x').length; }\nmodule.exports = { count };\n",
    });
    return folder;
  };

  test.each([
    ['src/db.js#qeury', 'no function or method named qeury in this file (did you mean `query`?)'],
    ['src/dbb.js#query', 'src/dbb.js is not among the files of this run (did you mean `src/db.js`'],
  ])('%s exits 2 and names the closest match', async (value, message) => {
    const run = await runCliInProcess(['--async', value, '--allow-no-git'], {
      cwd: project(),
      overrides: { registry },
    });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`ASYNC_NAME_NOT_FOUND`);
    expect(run.stderr).toContain(message);
  });

  test('a name that matches makes its callers await it, exit 0', async () => {
    const run = await runCliInProcess(['--async', 'src/db.js#query'], { cwd: project(), overrides: { registry } });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("+async function count() { return (await query('x')).length; }");
  });
});

describe("an option declared in a transform's meta", () => {
  // rename-old-name (support/cli-test-transform.js) declares renameTo in its meta, and nothing else does
  test('is a flag in --help, a line in list, and a value the transform receives', async () => {
    const help = await runCliInProcess(['--help'], { cwd: makeTempFolder('help-option') });
    expect(help.stdout).toMatch(/rename-old-name:\n\s+--rename-to\s+test: the name oldName\(\) calls get/);
    const list = await runCliInProcess(['list'], { cwd: makeTempFolder('list-option') });
    expect(list.stdout).toContain(
      '   options:\n     --rename-to NAME: test: the name oldName() calls get (default newName)\n',
    );
    const folder = makeTempFolder('rename-to');
    writeTree(folder, { 'a.js': 'oldName();\n' });
    const run = await runCliInProcess(['--rename-to', 'freshName', '--json', '.'], { cwd: folder });
    const report = JSON.parse(run.stdout) as {
      files: { diff?: string }[];
      options: { transforms: Record<string, unknown> };
    };
    expect(report.files[0].diff).toContain('+freshName();');
    expect(report.options.transforms['rename-old-name']).toEqual({ renameTo: 'freshName' });
  });
});

describe('list, help and version', () => {
  test('list shows each transform with its description, options and diagnostic codes', async () => {
    const run = await runCliInProcess(['list'], { cwd: makeTempFolder('list') });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('1. rename-old-name\n   test: renames oldName() calls to newName()\n   options:\n');
    expect(run.stdout).toContain(
      '     TEST_OLDNAME_REFERENCE (warning): oldName is passed around, not called; rename it by hand\n',
    );
  });

  test('--help lists every option of the real transforms, the exit codes and examples', async () => {
    const run = await runCliInProcess(['--help'], { cwd: makeTempFolder('help'), overrides: { registry } });
    expect(run.code).toBe(0);
    for (const flag of [
      '--write',
      '--check',
      '--patch',
      '--json',
      '--interactive',
      '--transforms',
      '--runner',
      '--async',
      '--mark-boundaries',
      '--ignore',
      '--allow-dirty',
      '--allow-no-git',
      '--max-file-size',
      '--color',
    ]) {
      expect(run.stdout).toContain(flag);
    }
    expect(run.stdout).toContain('Examples:');
    expect(run.stdout).toContain('Exit codes:\n  0  done');
  });

  test('--version prints the package version', async () => {
    const pkg = JSON.parse(readFileSync(path.join(__dirname, '..', 'package.json'), 'utf8')) as { version: string };
    const run = await runCliInProcess(['--version'], { cwd: makeTempFolder('version') });
    expect([run.code, run.stdout]).toEqual([0, `${pkg.version}\n`]);
  });
});

describe('colour', () => {
  test.each([
    [{ isTTY: true, env: {} }, true],
    [{ isTTY: false, env: {} }, false],
    [{ isTTY: true, env: { NO_COLOR: '1' } }, false],
    [{ isTTY: true, env: { NO_COLOR: '' } }, true],
    [{ isTTY: true, env: {}, flag: false }, false],
    [{ isTTY: false, env: { NO_COLOR: '1' }, flag: true }, true],
    // FORCE_COLOR, as Node and supports-color read it: on a pipe too, over NO_COLOR, under the flags
    [{ isTTY: false, env: { FORCE_COLOR: '1' } }, true],
    [{ isTTY: false, env: { FORCE_COLOR: '' } }, true],
    [{ isTTY: false, env: { FORCE_COLOR: '3' } }, true],
    [{ isTTY: false, env: { FORCE_COLOR: 'true' } }, true],
    [{ isTTY: true, env: { FORCE_COLOR: '0' } }, false],
    [{ isTTY: true, env: { FORCE_COLOR: 'false' } }, false],
    [{ isTTY: false, env: { FORCE_COLOR: '1', NO_COLOR: '1' } }, true],
    [{ isTTY: false, env: { FORCE_COLOR: '1' }, flag: false }, false],
  ])('shouldUseColor(%j) = %s', (options, expected) => {
    expect(shouldUseColor(options)).toBe(expected);
  });

  test('the diff is coloured on a terminal, not with NO_COLOR or --no-color, and never in the patch file', async () => {
    const { repo } = buildScenario();
    const patch = path.join(makeTempFolder('patch'), 'out.patch');
    const tty = await runCliInProcess(['--patch', patch], { cwd: repo, stdoutIsTTY: true });
    expect(tty.stdout).toContain(`${ansi}32m+`);
    expect(readFileSync(patch, 'utf8')).not.toContain(ansi);
    expect((await runCliInProcess([], { cwd: repo, stdoutIsTTY: true, env: { NO_COLOR: '1' } })).stdout).not.toContain(
      ansi,
    );
    expect((await runCliInProcess(['--no-color'], { cwd: repo, stdoutIsTTY: true })).stdout).not.toContain(ansi);
    expect((await runCliInProcess([], { cwd: repo })).stdout).not.toContain(ansi);
  });

  test('FORCE_COLOR colours the diff and the summary on a pipe (CI logs), never the patch file', async () => {
    const { repo } = buildScenario();
    const patch = path.join(makeTempFolder('patch'), 'out.patch');
    const run = await runCliInProcess(['--patch', patch], { cwd: repo, env: { FORCE_COLOR: '1' } });
    expect(run.stdout).toContain(`${ansi}32m+`);
    expect(run.stderr).toContain(`${ansi}1mawaitify:`);
    expect(readFileSync(patch, 'utf8')).not.toContain(ansi);
  });
});

describe('option values reach the engine', () => {
  test('--max-file-size skips larger files with a reason', async () => {
    const dir = makeTempFolder('size');
    writeTree(dir, { 'small.js': 'oldName();\n', 'big.js': `oldName();\n${'// padding\n'.repeat(200)}` });
    const run = await runCliInProcess(['--max-file-size', '1kb', '--json'], { cwd: dir });
    const files = (JSON.parse(run.stdout) as { files: { path: string; status: string }[] }).files;
    expect(files.map((f) => [f.path, f.status])).toEqual([
      ['big.js', 'skipped'],
      ['small.js', 'changed'],
    ]);
  });

  test('--ignore may repeat and keeps commas inside globs', async () => {
    const dir = makeTempFolder('ignore');
    writeTree(dir, { 'a.js': 'oldName();\n', 'b.js': 'oldName();\n', 'c.js': 'oldName();\n' });
    const run = await runCliInProcess(['--json', '--ignore', '{a,b}.js', '--ignore', 'nothing'], { cwd: dir });
    expect((JSON.parse(run.stdout) as { files: { path: string }[] }).files.map((f) => f.path)).toEqual(['c.js']);
  });

  test('paths limit the run to the given files and folders', async () => {
    const { repo } = buildScenario();
    const run = await runCliInProcess(['--json', 'src/with space.js', 'src/untouched.js'], { cwd: repo });
    expect((JSON.parse(run.stdout) as { files: { path: string }[] }).files.map((f) => f.path)).toEqual([
      'src/untouched.js',
      'src/with space.js',
    ]);
  });

  test.each([
    ['2mb', 2 * 1024 * 1024],
    ['500kb', 500 * 1024],
    ['1048576', 1048576],
    ['1.5M', 1.5 * 1024 * 1024],
  ])('parseByteSize(%s)', (text, bytes) => {
    expect(parseByteSize(text, '--max-file-size')).toBe(bytes);
  });
});

describe('outside a git work tree', () => {
  test('preview works; --write refuses without --allow-no-git and writes with it', async () => {
    const dir = makeTempFolder('nogit');
    writeTree(dir, { 'a.js': 'oldName();\n' });
    expect((await runCliInProcess([], { cwd: dir })).code).toBe(0);
    const refused = await runCliInProcess(['--write'], { cwd: dir });
    expect(refused.code).toBe(2);
    expect(readFileSync(path.join(dir, 'a.js'), 'utf8')).toBe('oldName();\n');
    const allowed = await runCliInProcess(['--write', '--allow-no-git'], { cwd: dir });
    expect([allowed.code, allowed.stdout]).toEqual([0, 'wrote a.js\n']);
    expect(readFileSync(path.join(dir, 'a.js'), 'utf8')).toBe('newName();\n');
  });
});

describe('describeUsageError', () => {
  test.each([
    ['Unknown arguments: no-such-flag, noSuchFlag', 'Unknown argument: no-such-flag'],
    ['Unknown arguments: a-b, aB, zed', 'Unknown arguments: a-b, zed'],
    ['Unknown argument: bogus', 'Unknown argument: bogus'],
    ['Not enough arguments following: patch', 'Not enough arguments following: patch'],
  ])('%s', (message, expected) => {
    expect(describeUsageError(message)).toBe(expected);
  });
});
