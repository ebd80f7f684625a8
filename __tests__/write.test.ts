import { type ChildProcess, execFileSync, spawn } from 'child_process';
import {
  promises as fsp,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
  chmodSync,
  linkSync,
} from 'fs';
import * as path from 'path';
import { writeResults } from '../write/write-results';
import { sweepStaleTemps } from '../write/temp-files';
import { makeTempFolder, writeTree } from './support/git-repo';
import { buildNewContent, buildOldContent, findTempFiles, getFileName } from './support/fs-write-contents';

const folders: string[] = [];
afterAll(() => folders.forEach((folder) => rmSync(folder, { recursive: true, force: true })));
afterEach(() => jest.restoreAllMocks());

function makeFolder(prefix: string): string {
  const folder = makeTempFolder(prefix);
  folders.push(folder);
  return folder;
}

function buildItem(absolutePath: string, after: string) {
  return { absolutePath, before: readFileSync(absolutePath), after: Buffer.from(after) };
}

describe('writeResults', () => {
  it('replaces the content and keeps the mode (0755 and 0644)', async () => {
    const root = makeFolder('mode');
    writeTree(root, { 'cli.js': '#!/usr/bin/env node\nold\n', 'lib.js': 'old\n' });
    chmodSync(path.join(root, 'cli.js'), 0o755);
    chmodSync(path.join(root, 'lib.js'), 0o644);
    const batch = await writeResults([
      buildItem(path.join(root, 'cli.js'), '#!/usr/bin/env node\nnew\n'),
      buildItem(path.join(root, 'lib.js'), 'new\n'),
    ]);
    expect(batch.kind).toBe('written');
    expect(readFileSync(path.join(root, 'cli.js'), 'utf8')).toBe('#!/usr/bin/env node\nnew\n');
    expect(statSync(path.join(root, 'cli.js')).mode & 0o7777).toBe(0o755);
    expect(statSync(path.join(root, 'lib.js')).mode & 0o7777).toBe(0o644);
    expect(findTempFiles(root)).toEqual([]);
  });

  it('does not overwrite a file changed since it was read, and then writes no other file either', async () => {
    const root = makeFolder('changed');
    writeTree(root, { 'a.js': 'old\n', 'b.js': 'old b\n' });
    const items = [buildItem(path.join(root, 'a.js'), 'new\n'), buildItem(path.join(root, 'b.js'), 'new b\n')];
    writeFileSync(path.join(root, 'a.js'), 'edited by the user\n');
    const batch = await writeResults(items);
    expect(batch).toEqual({
      kind: 'refused',
      refusals: [{ absolutePath: items[0].absolutePath, reason: 'changed since it was read' }],
    });
    expect(readFileSync(items[0].absolutePath, 'utf8')).toBe('edited by the user\n');
    expect(readFileSync(items[1].absolutePath, 'utf8')).toBe('old b\n');
  });

  it('refuses a file whose mode changed since it was read', async () => {
    const root = makeFolder('mode-changed');
    writeTree(root, { 'a.js': 'old\n' });
    const item = { ...buildItem(path.join(root, 'a.js'), 'new\n'), mode: 0o644 };
    chmodSync(item.absolutePath, 0o600);
    const batch = await writeResults([item]);
    expect(batch).toMatchObject({ kind: 'refused', refusals: [{ reason: expect.stringContaining('mode changed') }] });
    expect(readFileSync(item.absolutePath, 'utf8')).toBe('old\n');
  });

  it.each([
    ['a read-only file', 'a.js', 0o444, /^is read-only for this user \(mode 0444\); pass --allow-read-only/],
    ['a file in a read-only folder', 'ro', 0o555, /^its folder is read-only \(mode 0555\); pass --allow-read-only/],
  ])(
    'refuses %s, so nothing is written; --allow-read-only writes it and keeps the mode',
    async (_, entry, mode, why) => {
      const root = makeFolder('read-only');
      writeTree(root, { 'a.js': 'old a\n', 'ro/b.js': 'old b\n', 'c.js': 'old c\n' });
      const items = ['a.js', 'ro/b.js', 'c.js'].map((f) => buildItem(path.join(root, f), `new ${f}\n`));
      chmodSync(path.join(root, entry), mode);
      try {
        const refused = await writeResults(items);
        expect(refused).toMatchObject({ kind: 'refused', refusals: [{ reason: expect.stringMatching(why) }] });
        expect(items.map((item) => readFileSync(item.absolutePath, 'utf8'))).toEqual(['old a\n', 'old b\n', 'old c\n']);
        expect((await writeResults(items, { allowReadOnly: true })).kind).toBe('written');
        expect(readFileSync(items[1].absolutePath, 'utf8')).toBe('new ro/b.js\n');
        expect(statSync(path.join(root, entry)).mode & 0o7777).toBe(mode);
      } finally {
        chmodSync(path.join(root, entry), 0o755);
      }
    },
  );

  it('writes every package.json after every other file', async () => {
    const root = makeFolder('manifest-last');
    writeTree(root, { 'package.json': '{}\n', 'a.js': 'a\n', 'lib/b.js': 'b\n', 'lib/package.json': '{}\n' });
    const order: string[] = [];
    const items = ['package.json', 'a.js', 'lib/package.json', 'lib/b.js'].map((f) =>
      buildItem(path.join(root, f), `${f} new\n`),
    );
    await writeResults(items, { concurrency: 1, onProgress: (_, __, file) => order.push(path.relative(root, file)) });
    expect(order).toEqual(['a.js', 'lib/b.js', 'package.json', 'lib/package.json']);
  });

  it('a write that fails after others succeeded restores them from the bytes read: the tree is unchanged', async () => {
    const root = makeFolder('restore');
    writeTree(root, { 'a.js': 'old a\n', 'b.js': 'old b\n', 'package.json': '{"dependencies":{"x":"1"}}\n' });
    chmodSync(path.join(root, 'a.js'), 0o640);
    const items = ['a.js', 'b.js', 'package.json'].map((f) => buildItem(path.join(root, f), `new ${f}\n`));
    const before = snapshotFolder(root);
    // a real change on disk between the check before the first write and package.json's own write
    const batch = await writeResults(items, {
      concurrency: 1,
      onProgress: (done) => {
        if (done === 2) writeFileSync(path.join(root, 'package.json'), '{"edited":true}\n');
      },
    });
    expect(batch).toEqual({
      kind: 'restored',
      failure: { absolutePath: items[2].absolutePath, reason: 'changed since it was read' },
      restored: [items[1].absolutePath, items[0].absolutePath],
      notRestored: [],
    });
    expect(snapshotFolder(root)).toEqual({ ...before, 'package.json': '{"edited":true}\n' });
    expect(statSync(path.join(root, 'a.js')).mode & 0o7777).toBe(0o640);
    expect(findTempFiles(root)).toEqual([]);
  });

  it('a written file that someone changed before the restore is left as they made it, and listed', async () => {
    const root = makeFolder('restore-conflict');
    writeTree(root, { 'a.js': 'old a\n', 'b.js': 'old b\n' });
    const items = ['a.js', 'b.js'].map((f) => buildItem(path.join(root, f), `new ${f}\n`));
    const batch = await writeResults(items, {
      concurrency: 1,
      onProgress: (done) => {
        if (done !== 1) return;
        writeFileSync(path.join(root, 'a.js'), 'edited after the write\n');
        writeFileSync(path.join(root, 'b.js'), 'edited before its write\n');
      },
    });
    expect(batch).toMatchObject({
      kind: 'restored',
      restored: [],
      notRestored: [
        { absolutePath: items[0].absolutePath, reason: 'changed since it was read after awaitify wrote it' },
      ],
    });
    expect(readFileSync(items[0].absolutePath, 'utf8')).toBe('edited after the write\n');
  });

  it('fs-symlink-escape: never writes through a symlink', async () => {
    const outside = makeFolder('write-outside');
    const root = makeFolder('write-link');
    writeTree(outside, { 'secret.js': 'secret\n' });
    symlinkSync(path.join(outside, 'secret.js'), path.join(root, 'link.js'));
    const batch = await writeResults([buildItem(path.join(root, 'link.js'), 'overwritten\n')]);
    expect(batch.kind).toBe('refused');
    expect(readFileSync(path.join(outside, 'secret.js'), 'utf8')).toBe('secret\n');
    expect((await fsp.lstat(path.join(root, 'link.js'))).isSymbolicLink()).toBe(true);
  });

  it('refuses a file with several hard links instead of splitting them', async () => {
    const root = makeFolder('hardlinks');
    writeTree(root, { 'a.js': 'old\n' });
    linkSync(path.join(root, 'a.js'), path.join(root, 'b.js'));
    const batch = await writeResults([buildItem(path.join(root, 'a.js'), 'new\n')]);
    expect(batch).toMatchObject({ refusals: [{ reason: 'has 2 hard links; replacing it would split them' }] });
    expect(readFileSync(path.join(root, 'b.js'), 'utf8')).toBe('old\n');
  });

  it('leaves no temp file when the rename fails, and restores the file written before it', async () => {
    const root = makeFolder('rename-error');
    writeTree(root, { 'a.js': 'old a\n', 'b.js': 'old b\n' });
    const realRename = fsp.rename;
    jest.spyOn(fsp, 'rename').mockImplementation(async (from, to) => {
      if (String(to).endsWith('b.js') && String(from).includes('awaitify-tmp'))
        throw Object.assign(new Error('ENOSPC: no space left on device, rename'), { code: 'ENOSPC' });
      return realRename(from, to);
    });
    const batch = await writeResults(
      [buildItem(path.join(root, 'a.js'), 'new a\n'), buildItem(path.join(root, 'b.js'), 'new b\n')],
      { concurrency: 1 },
    );
    expect(batch).toMatchObject({ kind: 'restored', failure: { reason: 'ENOSPC: no space left on device, rename' } });
    expect(readFileSync(path.join(root, 'a.js'), 'utf8')).toBe('old a\n');
    expect(readFileSync(path.join(root, 'b.js'), 'utf8')).toBe('old b\n');
    expect(findTempFiles(root)).toEqual([]);
  });

  it('leaves no temp file when chmod fails after the temp was written', async () => {
    const root = makeFolder('chmod-error');
    writeTree(root, { 'a.js': 'old\n' });
    const probe = await fsp.open(path.join(root, 'a.js'), 'r');
    const fileHandlePrototype = Object.getPrototypeOf(probe) as { chmod: (mode: number) => Promise<void> };
    await probe.close();
    jest
      .spyOn(fileHandlePrototype, 'chmod')
      .mockRejectedValue(Object.assign(new Error('EPERM: operation not permitted, fchmod'), { code: 'EPERM' }));
    const batch = await writeResults([buildItem(path.join(root, 'a.js'), 'new\n')]);
    expect(batch).toMatchObject({ kind: 'restored', failure: { reason: 'EPERM: operation not permitted, fchmod' } });
    expect(readFileSync(path.join(root, 'a.js'), 'utf8')).toBe('old\n');
    expect(findTempFiles(root)).toEqual([]);
  });
});

/** Every file under `root` (one level of folders) by relative path: its text. */
function snapshotFolder(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(root, { recursive: true }) as string[]) {
    const full = path.join(root, name);
    if (statSync(full).isFile()) out[name] = readFileSync(full, 'utf8');
  }
  return out;
}

describe('sweepStaleTemps', () => {
  it('runs at the start of writeResults over the folders it writes to', async () => {
    const root = makeFolder('sweep-on-write');
    const deadPid = Number(
      execFileSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }),
    );
    writeTree(root, { 'a.js': 'old\n', [`.a.js.awaitify-${deadPid}-0a1b2c.tmp`]: 'half written' });
    await writeResults([buildItem(path.join(root, 'a.js'), 'new\n')]);
    expect(readdirSync(root)).toEqual(['a.js']);
  });

  it('removes temps of dead processes (today’s names and earlier ones) and keeps those of live ones and foreign files', async () => {
    const root = makeFolder('sweep');
    const deadPid = Number(
      execFileSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }),
    );
    const live = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
    try {
      writeTree(root, {
        [`.a.js.awaitify-${deadPid}-0a1b2c.tmp`]: 'x',
        [`d.js.awaitify-tmp-${deadPid}-0a1b2c`]: 'x',
        [`.b.js.awaitify-${live.pid}-0a1b2c.tmp`]: 'x',
        [`e.js.awaitify-tmp-${live.pid}-0a1b2c`]: 'x',
        '.c.js.other-123.tmp': 'x',
      });
      const removed = await sweepStaleTemps([root]);
      expect(removed.sort()).toEqual([
        path.join(root, `.a.js.awaitify-${deadPid}-0a1b2c.tmp`),
        path.join(root, `d.js.awaitify-tmp-${deadPid}-0a1b2c`),
      ]);
      expect(readdirSync(root).sort()).toEqual([
        `.b.js.awaitify-${live.pid}-0a1b2c.tmp`,
        '.c.js.other-123.tmp',
        `e.js.awaitify-tmp-${live.pid}-0a1b2c`,
      ]);
    } finally {
      live.kill('SIGKILL');
    }
  });
});

const FILE_COUNT = 1500;
const SUPPORT = path.join(__dirname, 'support');

function prepareFiles(root: string): void {
  for (let index = 0; index < FILE_COUNT; index++)
    writeFileSync(path.join(root, getFileName(index)), buildOldContent(index));
}

function spawnWriter(root: string): ChildProcess {
  const args = [
    '--require',
    path.join(SUPPORT, 'fs-register-ts.js'),
    path.join(SUPPORT, 'fs-write-child.js'),
    root,
    String(FILE_COUNT),
  ];
  return spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
}

/** Sends `signal` once the child reports `threshold` files done, after a further random 0–20 ms. */
function strikeAt(
  child: ChildProcess,
  threshold: number,
  signal: NodeJS.Signals,
): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  let struck = false;
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    const done = Math.max(0, ...chunk.split('\n').map(Number).filter(Number.isFinite));
    if (!struck && done >= threshold) {
      struck = true;
      setTimeout(() => child.kill(signal), Math.floor(Math.random() * 20));
    }
  });
  return new Promise((resolve) => child.on('exit', (code, received) => resolve({ code, signal: received })));
}

/** Counts files holding the old and the new content; throws on any file that is neither. */
function countStates(root: string): { old: number; new: number } {
  const counts = { old: 0, new: 0 };
  for (let index = 0; index < FILE_COUNT; index++) {
    const content = readFileSync(path.join(root, getFileName(index)), 'utf8');
    if (content === buildOldContent(index)) counts.old++;
    else if (content === buildNewContent(index)) counts.new++;
    else throw new Error(`${getFileName(index)} is neither old nor new (${content.length} chars)`);
  }
  return counts;
}

describe('interrupted writes (real child processes)', () => {
  it('io-no-truncate-window: kill -9 at random moments leaves every file old or new, and the sweep removes the temps', async () => {
    let leftBehind = 0;
    for (let trial = 0; trial < 3; trial++) {
      // A fresh folder per trial: creating files is much cheaper than rewriting 1,500 just-renamed ones.
      const root = makeFolder(`kill-${trial}`);
      prepareFiles(root);
      const threshold = 50 * (2 + Math.floor(Math.random() * 10));
      const exit = await strikeAt(spawnWriter(root), threshold, 'SIGKILL');
      expect(exit.signal).toBe('SIGKILL');
      const counts = countStates(root);
      expect(counts.new).toBeGreaterThanOrEqual(threshold);
      expect(counts.old + counts.new).toBe(FILE_COUNT);
      leftBehind += findTempFiles(root).length;
      await sweepStaleTemps([root]);
      expect(findTempFiles(root)).toEqual([]);
    }
    // Killed mid-run with 8 writes in flight: the sweep had real leftovers to remove.
    expect(leftBehind).toBeGreaterThan(0);
  });

  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const)(
    'io-sigint-safe: %s restores the files written, removes the temp files and exits with %i',
    async (signal, expectedCode) => {
      const root = makeFolder(signal.toLowerCase());
      prepareFiles(root);
      const exit = await strikeAt(spawnWriter(root), 150, signal);
      expect(exit).toEqual({ code: expectedCode, signal: null });
      expect(findTempFiles(root)).toEqual([]);
      // all or nothing: the 150 or more files written before the signal got their old bytes back
      expect(countStates(root)).toEqual({ old: FILE_COUNT, new: 0 });
    },
  );
});
