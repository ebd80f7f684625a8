/**
 * The adversarial suite (issue 17's acceptance): the built CLI against hostile inputs and faults, each
 * tree compared byte for byte (sha256) before and after. Every case asserts which files changed, that
 * no other file changed and that none was lost.
 *
 * By default (about 30 s): the hostile tree as a plain folder and as a git repository, the read-only file
 * and folder under another uid, files changed and deleted during a run, kill -9 on start, at the first
 * temp file and after ten renames (each then a rerun), two runs at once, and 20,000 untouched files.
 * AWAITIFY_ADVERSARIAL=full adds kill -9 after fixed delays and repeats the watched points.
 * AWAITIFY_ADVERSARIAL_TABLE=<file> writes the table of outcomes (inputs, exit codes, files changed).
 */
import { execFileSync, spawn } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  unlinkSync,
  watch,
  writeFileSync,
} from 'node:fs';
import * as path from 'node:path';
import {
  buildEnv,
  compareSnapshots,
  entry,
  recordRow,
  runEntry,
  snapshot,
  startEntry,
  waitForExit,
  writeTable,
} from './support/adversarial';
import { mkfifoSync } from './support/fifo';
import { commitAll, initGitRepo, makeTempFolder, runGitIn, writeTree } from './support/git-repo';

const full = process.env.AWAITIFY_ADVERSARIAL === 'full';
const MB = 1024 * 1024;

afterAll(writeTable);

function writeFiles(root: string, files: Record<string, string | Buffer>): void {
  for (const [relative, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, relative)), { recursive: true });
    writeFileSync(path.join(root, relative), content);
  }
}

/** Asserts the tree changed exactly in `expected`, lost nothing and gained nothing; records a table row. */
function checkTree(
  input: string,
  exitCodes: string,
  before: Map<string, string>,
  after: Map<string, string>,
  expected: string[],
): void {
  const change = compareSnapshots(before, after);
  const wrong = change.changed.filter((file) => !expected.includes(file));
  recordRow({
    input,
    exitCodes,
    changed: expected.length === 0 ? 'none' : `${change.changed.length} (as expected: ${expected.length})`,
    wronglyChanged: wrong.length + change.added.length,
    lost: change.lost.length,
  });
  expect({ changed: change.changed, lost: change.lost, added: change.added }).toEqual({
    changed: [...expected].sort(),
    lost: [],
    added: [],
  });
}

const oddNames = ['sp ace.js', 'ünï-çødé.js', 'quote\'".js', 'new\nline.js', '-dash.js', '#hash.js', 'back\\slash.js'];
/** The files of the hostile tree a run must change; every other one must keep its bytes. */
const changing = ['valid.js', 'crlf.js', 'mixed.js', 'loop/a.js', 'x.js/inner.js', '$(touch pwned).js', ...oddNames];

/**
 * Every hostile input in one tree (and a file outside it that a symlink points at). Each file holds an
 * `oldName(` call, so a file the run should leave alone is changed if it is wrongly read.
 */
function buildHostileTree(root: string, outside: string): void {
  writeFiles(outside, { 'target.js': 'oldName(0);\n' });
  writeFiles(root, {
    'binary.js': Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0xff]), Buffer.from('oldName(1);')]),
    'invalid-utf8.js': Buffer.concat([Buffer.from('oldName(2);\n// '), Buffer.from([0xc3, 0x28]), Buffer.from('\n')]),
    'huge.js': `oldName(3);\n${'// padding to pass the size limit\n'.repeat(Math.ceil((2.1 * MB) / 34))}`,
    'broken.js': 'oldName(4);\nconst = ;\n',
    'valid.js': 'oldName(5);\n',
    'empty.js': '',
    'bom-only.js': '\ufeff',
    'crlf.js': 'oldName(6);\r\nfoo();\r\n',
    'mixed.js': 'oldName(7);\r\nfoo();\nbar();\r\n',
    'loop/a.js': 'oldName(8);\n',
    'x.js/inner.js': 'oldName(9);\n',
    '$(touch pwned).js': 'oldName(10);\n',
    // deeper than the parsers recurse: over many lines, and on one line (not minified code)
    'deep.js': `oldName(11);\nconst a = ${'[\n'.repeat(600)}1${'\n]'.repeat(600)};\n`,
    'deep-line.js': `oldName(12);\nconst b = ${'('.repeat(5000)}1${')'.repeat(5000)};\n`,
    ...Object.fromEntries(oddNames.map((name, i) => [name, `oldName(${20 + i});\n`])),
  });
  symlinkSync(path.join(outside, 'target.js'), path.join(root, 'link-out.js'));
  symlinkSync('..', path.join(root, 'loop', 'up'));
  symlinkSync('.', path.join(root, 'loop', 'self'));
  symlinkSync('nowhere.js', path.join(root, 'dangling.js'));
  mkfifoSync(path.join(root, 'fifo.js'));
}

/** The written files keep their bytes around the edit; every file left alone says why. */
function expectHostileOutcome(root: string, stderr: string): void {
  expect(readFileSync(path.join(root, 'crlf.js'), 'utf8')).toBe('newName(6);\r\nfoo();\r\n');
  expect(readFileSync(path.join(root, 'mixed.js'), 'utf8')).toBe('newName(7);\r\nfoo();\nbar();\r\n');
  expect(readFileSync(path.join(root, 'new\nline.js'), 'utf8')).toBe(
    `newName(${20 + oddNames.indexOf('new\nline.js')});\n`,
  );
  expect(existsSync(path.join(root, 'pwned'))).toBe(false);
  expect(stderr).toMatch(/binary\.js: binary content/);
  expect(stderr).toMatch(/invalid-utf8\.js: not valid UTF-8/);
  expect(stderr).toMatch(/huge\.js: \d+ bytes, larger than --max-file-size \(2mb\)/);
  expect(stderr).toMatch(/broken\.js:2:\d+: cannot parse/);
  expect(stderr).toMatch(/link-out\.js: symlink leads out of the tree/);
  expect(stderr).toMatch(/deep\.js: nested 600 levels deep/);
  expect(stderr).toMatch(/deep-line\.js: nested 5000 levels deep/);
  expect(stderr).not.toMatch(/internal error|Maximum call stack|minified/);
}

describe('a hostile tree, one --write run', () => {
  test('binary, invalid UTF-8, huge, deep nesting, a syntax error beside a valid file, empty, BOM only, CRLF and mixed endings, symlinks out and in loops, odd names, a FIFO, a folder named x.js: a plain folder', () => {
    const outside = makeTempFolder('adv-outside');
    const root = makeTempFolder('adv-tree');
    buildHostileTree(root, outside);
    const before = snapshot(root);
    const outsideBefore = snapshot(outside);

    // not under git: refused unless asked for
    const refused = runEntry(['--write'], root);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('not inside a git work tree');
    checkTree('hostile folder, not under git (`--write`)', String(refused.code), before, snapshot(root), []);

    const run = runEntry(['--write', '--allow-no-git'], root);
    expect(run.code).toBe(2); // broken.js failed; the rest is still written
    checkTree('hostile folder (`--write --allow-no-git`)', String(run.code), before, snapshot(root), changing);
    expect(snapshot(outside)).toEqual(outsideBefore);
    expectHostileOutcome(root, run.stderr);
    expect(run.stderr).toMatch(/fifo\.js: not a regular file/);

    const again = snapshot(root);
    const rerun = runEntry(['--write', '--allow-no-git'], root);
    expect(rerun.code).toBe(2);
    checkTree('hostile folder, second run', String(rerun.code), again, snapshot(root), []);
  });

  test('the same tree as a git repository: an uncommitted edit refuses the write, a clean tree is written', () => {
    const outside = makeTempFolder('adv-outside');
    const repo = initGitRepo(makeTempFolder('adv-tree-git'));
    buildHostileTree(repo, outside);
    commitAll(repo, 'hostile tree'); // git keeps the links as links and leaves the FIFO out
    writeFileSync(path.join(repo, 'valid.js'), 'oldName(5); // an edit not committed\n');
    const dirty = snapshot(repo);

    const refused = runEntry(['--write'], repo);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('valid.js (modified)');
    expect(refused.stderr).toContain('nothing was written: the tree is unchanged');
    checkTree('hostile git repository, an uncommitted edit (`--write`)', '2', dirty, snapshot(repo), []);

    runGitIn(repo, 'checkout', '--', 'valid.js');
    const before = snapshot(repo);
    const run = runEntry(['--write'], repo);
    expect(run.code).toBe(2); // broken.js
    checkTree('hostile git repository, clean (`--write`)', String(run.code), before, snapshot(repo), changing);
    expectHostileOutcome(repo, run.stderr);
    expect(runGitIn(repo, 'status', '--porcelain', '-z').split('\0').filter(Boolean).sort()).toEqual(
      changing.map((file) => ` M ${file}`).sort(),
    );

    commitAll(repo, 'migrated');
    const again = snapshot(repo);
    const rerun = runEntry(['--write'], repo);
    expect(rerun.code).toBe(2);
    checkTree('hostile git repository, second run', String(rerun.code), again, snapshot(repo), []);
  });
});

/** Root can run the CLI as nobody (setpriv); elsewhere these cases cannot be set up. */
const asAnotherUser = process.getuid?.() === 0 && existsSync('/usr/bin/setpriv') ? test : test.skip;

describe('read-only file and folder, the CLI running as another user (nobody)', () => {
  const nobody = 65534;
  function execAsNobody(args: string[], cwd: string): { code: number; stderr: string } {
    try {
      execFileSync(
        'setpriv',
        [`--reuid=${nobody}`, `--regid=${nobody}`, '--clear-groups', process.execPath, entry, ...args],
        { cwd, env: buildEnv({ HOME: cwd }), stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' },
      );
      return { code: 0, stderr: '' };
    } catch (error) {
      const failure = error as { status: number; stderr: string };
      return { code: failure.status, stderr: failure.stderr };
    }
  }

  asAnotherUser('nothing is written while one file or folder cannot be; the override cannot beat the OS', () => {
    const parent = makeTempFolder('adv-uid');
    const repo = initGitRepo(path.join(parent, 'repo'));
    writeTree(repo, {
      'package.json': '{ "name": "x" }\n',
      'a.js': 'oldName(1);\n',
      'ro-file.js': 'oldName(2);\n',
      'ro-folder/b.js': 'oldName(3);\n',
    });
    commitAll(repo);
    execFileSync('chown', ['-R', `${nobody}:${nobody}`, parent]);
    chmodSync(path.join(repo, 'ro-file.js'), 0o444);
    chmodSync(path.join(repo, 'ro-folder'), 0o555);
    try {
      const before = snapshot(repo);
      const refused = execAsNobody(['--write'], repo);
      expect(refused.code).toBe(2);
      expect(refused.stderr).toContain('ro-file.js: is read-only for this user (mode 0444)');
      expect(refused.stderr).toContain('ro-folder/b.js: its folder is not writable by this user');
      checkTree('read-only file and folder, as nobody (`--write`)', '2', before, snapshot(repo), []);

      const overridden = execAsNobody(['--write', '--allow-read-only'], repo);
      expect(overridden.code).toBe(2);
      checkTree('… with `--allow-read-only` (the folder still refuses)', '2', before, snapshot(repo), []);

      chmodSync(path.join(repo, 'ro-folder'), 0o755);
      const written = execAsNobody(['--write', '--allow-read-only'], repo);
      expect(written.code).toBe(0);
      const changed = ['a.js', 'ro-file.js', 'ro-folder/b.js'];
      checkTree('… folder made writable, `--allow-read-only`', '0', before, snapshot(repo), changed);
      expect(statSync(path.join(repo, 'ro-file.js')).mode & 0o7777).toBe(0o444);
      expect(statSync(path.join(repo, 'ro-file.js')).uid).toBe(nobody);
    } finally {
      chmodSync(path.join(repo, 'ro-folder'), 0o755);
    }
  });
});

describe('files changed or deleted during the run', () => {
  test('between the preview and the write (an --interactive run on a terminal): nothing is written', async () => {
    const repo = initGitRepo(makeTempFolder('adv-during'));
    writeTree(repo, { 'a.js': 'oldName(1);\n', 'b.js': 'oldName(2);\n', 'c.js': 'oldName(3);\n' });
    commitAll(repo);
    const child = spawn(
      'script',
      ['-qefc', `${process.execPath} ${entry} --interactive --allow-dirty --no-color`, '/dev/null'],
      {
        cwd: repo,
        env: buildEnv(),
        stdio: ['pipe', 'pipe', 'pipe'],
      },
    );
    const exited = waitForExit(child);
    let output = '';
    const prompted = new Promise<void>((resolve) => {
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('[y,n,a,q,?]?')) resolve();
      });
    });
    // a run that ends without asking fails here, not at the test's timeout
    await Promise.race([prompted, exited]);
    expect(output).toContain('[y,n,a,q,?]?');
    // the user edits one file and deletes another while awaitify waits for an answer
    writeFileSync(path.join(repo, 'a.js'), 'oldName(1); // edited during the run\n');
    unlinkSync(path.join(repo, 'b.js'));
    const before = snapshot(repo);
    child.stdin.write('a\n');
    const exit = await exited;
    expect(exit.code).toBe(2);
    expect(output).toContain('a.js: changed since it was read');
    expect(output).toContain('b.js: no longer exists');
    checkTree('a file edited and one deleted during an `--interactive` run', '2', before, snapshot(repo), []);
    expect(existsSync(path.join(repo, 'b.js'))).toBe(false);
  });
});

const FILES = 200;

function buildManyFiles(prefix: string): string {
  const root = makeTempFolder(prefix);
  writeFiles(root, Object.fromEntries(Array.from({ length: FILES }, (_, i) => [`f${i}.js`, `oldName(${i});\n`])));
  return root;
}

/** Every file holds its old or its new content, and how many are new; throws on anything else. */
function countNew(root: string): number {
  let fresh = 0;
  for (let i = 0; i < FILES; i++) {
    const text = readFileSync(path.join(root, `f${i}.js`), 'utf8');
    if (text === `newName(${i});\n`) fresh++;
    else if (text !== `oldName(${i});\n`) throw new Error(`f${i}.js is neither old nor new: ${JSON.stringify(text)}`);
  }
  return fresh;
}

function findTemps(root: string): string[] {
  return readdirSync(root).filter((name) => /awaitify-tmp-|\.awaitify-\d+-.*\.tmp$/.test(name));
}

/** Where a --write is killed: on start, at its first temp file, after ten renames, or after a delay. */
type KillPoint = 'start' | 'first temp file' | 'ten renames' | number;

/** Starts a --write and kills it with SIGKILL at `when`; resolves to the signal it ended with. */
async function killDuringRun(root: string, when: KillPoint): Promise<NodeJS.Signals | null> {
  const { child, done: exited } = startEntry(['--write', '--allow-no-git'], root);
  if (when === 'start') child.kill('SIGKILL');
  else if (typeof when === 'number') setTimeout(() => child.kill('SIGKILL'), when);
  let renamed = 0;
  const watcher = watch(root, (_, name) => {
    const file = String(name);
    if (when === 'first temp file' && /awaitify-tmp-/.test(file)) child.kill('SIGKILL');
    if (when === 'ten renames' && /^f\d+\.js$/.test(file) && ++renamed === 10) child.kill('SIGKILL');
  });
  const { signal } = await exited;
  watcher.close();
  return signal;
}

describe('kill -9, then a rerun', () => {
  const points: KillPoint[] = ['start', 'first temp file', 'ten renames'];
  if (full) points.push('first temp file', 'ten renames', 30, 250, 600);

  test.each(points)(
    'killed at %s: every file is old or new; the rerun removes the temps and finishes',
    async (when) => {
      const root = buildManyFiles('adv-kill');
      const signal = await killDuringRun(root, when);
      // the watched points are met while the process still runs: it died there, not at its own end
      if (typeof when === 'string') expect(signal).toBe('SIGKILL');
      const fresh = countNew(root);
      if (when === 'start') expect(fresh).toBe(0);
      if (when === 'ten renames') expect(fresh).toBeGreaterThanOrEqual(10);
      const temps = findTemps(root);
      recordRow({
        input: `${FILES} files, \`kill -9\` ${signal === 'SIGKILL' ? `at ${typeof when === 'number' ? `${when} ms` : when}` : '(finished first)'}`,
        exitCodes: signal ?? 'exited',
        changed: `${fresh} new, ${FILES - fresh} old, ${temps.length} temp files left`,
        wronglyChanged: 0,
        lost: 0,
      });

      const rerun = runEntry(['--write', '--allow-no-git'], root);
      expect(rerun.code).toBe(0);
      expect(countNew(root)).toBe(FILES);
      expect(findTemps(root)).toEqual([]);
      if (temps.length > 0) {
        expect(rerun.stderr + rerun.stdout).toContain(
          `removed ${temps.length} temp file${temps.length === 1 ? '' : 's'} that an interrupted awaitify run left`,
        );
      }
      recordRow({
        input: '… the rerun',
        exitCodes: String(rerun.code),
        changed: `${FILES - fresh} (all left), ${temps.length} temp files removed`,
        wronglyChanged: 0,
        lost: 0,
      });
    },
  );
});

test('two runs at once: each file old or new, no temp file left, and a rerun finishes', async () => {
  const root = buildManyFiles('adv-two');
  const runs = await Promise.all([
    startEntry(['--write', '--allow-no-git'], root).done,
    startEntry(['--write', '--allow-no-git'], root).done,
  ]);
  const codes = runs.map((run) => run.code);
  // the run that finds a file the other one wrote stops and restores what it wrote
  for (const run of runs.filter((r) => r.code === 2)) {
    expect(run.stderr).toContain('changed since it was read');
    expect(run.stderr).toContain('nothing was written: the tree is unchanged');
  }
  expect(codes.every((code) => code === 0 || code === 2)).toBe(true);
  const fresh = countNew(root);
  expect(findTemps(root)).toEqual([]);
  const rerun = runEntry(['--write', '--allow-no-git'], root);
  expect(rerun.code).toBe(0);
  expect(countNew(root)).toBe(FILES);
  recordRow({
    input: `two \`--write\` runs at once on ${FILES} files`,
    exitCodes: codes.join(', '),
    changed: `${fresh} new after both`,
    wronglyChanged: 0,
    lost: 0,
  });
});

test('20,000 untouched files stay byte-identical (and keep their mtime)', () => {
  const root = makeTempFolder('adv-20k');
  for (let d = 0; d < 100; d++) {
    mkdirSync(path.join(root, `d${d}`));
    for (let i = 0; i < 200; i++) writeFileSync(path.join(root, `d${d}`, `f${i}.js`), `const x${i} = ${i};\n`);
  }
  writeFiles(root, { 'd0/change-me.js': 'oldName(1);\n', 'd99/change-me-too.js': 'oldName(2);\n' });
  const before = snapshot(root);
  const mtime = statSync(path.join(root, 'd50', 'f7.js')).mtimeMs;
  const run = runEntry(['--write', '--allow-no-git'], root);
  expect(run.code).toBe(0);
  expect(run.stderr).toContain('2 changed, 20000 unchanged');
  checkTree('20,000 untouched files and 2 to change', '0', before, snapshot(root), [
    'd0/change-me.js',
    'd99/change-me-too.js',
  ]);
  expect(statSync(path.join(root, 'd50', 'f7.js')).mtimeMs).toBe(mtime);
});
