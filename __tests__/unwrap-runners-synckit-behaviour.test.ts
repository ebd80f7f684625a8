/**
 * Runs a project that uses the real synckit (createSyncFn + a worker thread) as written and as
 * migrated by the engine (unwrap-runners + propagate-async over both callers and their workers), in
 * two child processes, and requires the same values, errors and order of logged side effects. The one
 * announced difference: an error of a custom class crossed the thread as a plain Error (same name,
 * message and code); in-process it keeps its class.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { run } from '../engine/run';
import type { RunResult } from '../engine/types';
import { selectTransforms } from '../transforms/registry';
import { synckitDriver, synckitProject } from './support/synckit-behaviour-project';

interface CallResult {
  call: string;
  logs: string[];
  value?: unknown;
  error?: { class: string; name: string; message: string; code?: string };
}

const repoModules = join(__dirname, '..', 'node_modules');
let dir = '';
let migration: RunResult;
const migratedTexts: Record<string, string> = {};
let original: CallResult[] = [];
let converted: CallResult[] = [];

function writeProject(target: string, files: Readonly<Record<string, string>>): void {
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(dirname(join(target, file)), { recursive: true });
    writeFileSync(join(target, file), text);
  }
}

async function runDriver(variantDir: string): Promise<CallResult[]> {
  writeFileSync(join(variantDir, 'driver.mjs'), synckitDriver);
  // ES modules (and synckit's worker threads) resolve packages through node_modules folders only
  symlinkSync(repoModules, join(variantDir, 'node_modules'), 'dir');
  const { stdout } = await promisify(execFile)(process.execPath, ['driver.mjs'], {
    cwd: variantDir,
    env: { ...process.env, NODE_NO_WARNINGS: '1' },
    timeout: 30000,
  });
  return JSON.parse(stdout) as CallResult[];
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'awaitify-synckit-'));
  writeProject(join(dir, 'original'), synckitProject);
  writeProject(join(dir, 'migrated'), synckitProject);
  const selected = selectTransforms(['unwrap-runners', 'propagate-async']);
  migration = await run({
    paths: ['.'],
    cwd: join(dir, 'migrated'),
    transforms: selected.transforms,
    projectTransform: selected.projectTransform,
  });
  for (const file of migration.files) {
    if (file.after) writeFileSync(file.absolutePath, file.after);
    migratedTexts[file.path] = (file.after ?? file.before ?? Buffer.alloc(0)).toString('utf8');
  }
  [original, converted] = await Promise.all([runDriver(join(dir, 'original')), runDriver(join(dir, 'migrated'))]);
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('synckit callers and workers keep behaviour once migrated', () => {
  it('converts both callers and both workers, with info diagnostics only', () => {
    expect(migration.files.filter((f) => f.status === 'failed')).toEqual([]);
    expect(migration.files.filter((f) => f.status === 'changed').map((f) => f.path)).toEqual([
      'cjs/caller.js',
      'cjs/worker.js',
      'esm/caller.mjs',
      'esm/worker.mjs',
    ]);
    expect(migration.diagnostics.map((d) => `${d.severity} ${d.code}`)).toEqual([
      'info SYNCKIT_WORKER_IN_PROCESS',
      'info SYNCKIT_WORKER_IN_PROCESS',
    ]);
    expect(migratedTexts['cjs/caller.js']).not.toContain('createSyncFn');
    expect(migratedTexts['esm/caller.mjs']).not.toContain('createSyncFn');
    expect(migratedTexts['cjs/worker.js']).toContain('runAsWorker(');
  });

  it('the originals really ran in a worker: values cloned, a custom error class lost', () => {
    const byCall = new Map(original.map((r) => [r.call, r]));
    expect(byCall.get('cjs:double:21')?.value).toBe(42);
    expect(byCall.get('cjs:shape:3')?.value).toEqual({ op: 'shape', list: [3, 3], when: '2020-01-03T00:00:00.000Z' });
    expect(byCall.get('cjs:type:x')?.error).toEqual({ class: 'TypeError', name: 'TypeError', message: 'bad type: x' });
    expect(byCall.get('cjs:missing:0')?.error).toEqual({
      class: 'Error',
      name: 'NotFound',
      message: 'no such op: missing',
      code: 'E_NOT_FOUND',
    });
    expect(byCall.get('cjs:missing:0')?.logs).toEqual(['before missing', 'finally missing']);
    expect(byCall.get('esm:label:four')?.error?.class).toBe('RangeError');
    expect(byCall.get('esm:label:4')?.logs).toEqual(['label 4', 'measured 4cm']);
    expect(byCall.get('legacy:double:5')?.value).toBe(10);
  });

  it('ran every call in both forms', () => {
    expect(original).toHaveLength(7);
    expect(converted.map((r) => r.call)).toEqual(original.map((r) => r.call));
  });

  it.each(['cjs:double:21', 'cjs:shape:3', 'cjs:type:x', 'esm:label:4', 'esm:label:four', 'legacy:double:5'])(
    '%s: same logs, value and error',
    (call) => {
      expect(converted.find((r) => r.call === call)).toEqual(original.find((r) => r.call === call));
    },
  );

  it('a custom error keeps name, message, code and logs, and now also its class', () => {
    const before = original.find((r) => r.call === 'cjs:missing:0');
    const after = converted.find((r) => r.call === 'cjs:missing:0');
    expect(after).toEqual({ ...before, error: { ...before?.error, class: 'NotFound' } });
  });
});
