/**
 * Per-file transforms on worker threads (`--concurrency`): the same results as on one thread, and no
 * job lost when a worker dies. Worker threads run compiled JavaScript, so the equivalence test drives
 * the built engine in dist/ (`npm test` builds first).
 */
import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TransformPool } from '../engine/transform-pool';
import type { TransformJob, TransformJobResult } from '../engine/transform-job';
import type { RunOptions, RunResult } from '../engine/types';
import type * as Registry from '../transforms/registry';

const repo = join(__dirname, '..');
/* eslint-disable @typescript-eslint/no-require-imports */
const built = {
  run: (require(join(repo, 'dist/engine/run')) as { run: (o: RunOptions) => Promise<RunResult> }).run,
  selectTransforms: (require(join(repo, 'dist/transforms/registry')) as typeof Registry).selectTransforms,
};
/* eslint-enable @typescript-eslint/no-require-imports */

let scratch: string;
beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'awaitify-pool-'));
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The example project plus every single-file fixture input of the per-file transforms: ~80 files to parse. */
function buildProject(): string {
  const project = join(scratch, 'project');
  cpSync(join(repo, 'examples/legacy-service'), project, { recursive: true });
  for (const transform of ['unwrap-runners', 'sync-http-to-undici']) {
    const folder = join(repo, '__testfixtures__', transform);
    for (const name of readdirSync(folder).filter((n) => n.includes('.input.'))) {
      cpSync(join(folder, name), join(project, 'fixtures', transform, name.replace('.input.', '.')));
    }
  }
  return project;
}

/** What a user sees of a run: every file's outcome and bytes, the diagnostics and the async changes. */
function describeRun(result: RunResult) {
  return {
    files: result.files.map((f) => ({
      path: f.path,
      status: f.status,
      after: f.after?.toString('utf8'),
      error: f.error,
      diagnostics: f.diagnostics,
      changedBy: f.changedBy,
    })),
    diagnostics: result.diagnostics,
    madeAsync: result.madeAsync,
    apiChanges: result.apiChanges,
    parsed: result.stats.parsed,
    prefiltered: result.stats.prefiltered,
  };
}

describe('worker threads', () => {
  it('give byte-for-byte the results of a single-thread run', async () => {
    const project = buildProject();
    const selected = built.selectTransforms();
    const options = {
      paths: ['.'],
      cwd: project,
      transforms: selected.transforms,
      projectTransform: selected.projectTransform,
    };
    const single = await built.run({ ...options, options: { concurrency: 1 } });
    // concurrency counts the main thread and is capped at the CPUs: 2 here gives one worker on any machine
    const pooled = await built.run({ ...options, options: { concurrency: 2 }, minFilesPerWorker: 1 });
    expect(single.stats.workers).toBe(0);
    expect(pooled.stats.workers).toBe(1);
    expect(single.stats.parsed).toBeGreaterThanOrEqual(50);
    expect(single.files.filter((f) => f.status === 'changed').length).toBeGreaterThan(40);
    expect(describeRun(pooled)).toEqual(describeRun(single));
  });

  it('are not started for a run with few files to parse, nor for transforms given as objects', async () => {
    const project = join(scratch, 'small');
    cpSync(join(repo, 'examples/legacy-service'), project, { recursive: true });
    const selected = built.selectTransforms();
    const result = await built.run({
      paths: ['.'],
      cwd: project,
      transforms: selected.transforms,
      projectTransform: selected.projectTransform,
      options: { concurrency: 2 },
    });
    expect(result.stats.parsed).toBeLessThan(12);
    expect(result.stats.workers).toBe(0);
    const copies = selected.transforms.map((t) => ({ ...t }));
    const unregistered = await built.run({
      paths: ['.'],
      cwd: project,
      transforms: copies,
      options: { concurrency: 2 },
      minFilesPerWorker: 1,
    });
    expect(unregistered.stats.workers).toBe(0);
  });
});

describe('a worker that dies', () => {
  const jobs: TransformJob[] = Array.from({ length: 6 }, (_, id) => ({
    id,
    file: `f${id}.js`,
    absolutePath: `/f${id}.js`,
    text: '',
    transformNames: [],
    options: {},
    nodeEngines: null,
    skipped: [],
  }));

  it.each([
    ['exits before it is ready', 'process.exit(3);'],
    [
      'throws on its first job',
      "const { parentPort } = require('node:worker_threads');\nparentPort.postMessage({ type: 'ready' });\nparentPort.on('message', (m) => { if (m.type === 'job') throw new Error('boom'); });",
    ],
  ])('%s: its jobs run on the main thread, each once', async (_, code) => {
    const script = join(scratch, `worker-${code.length}.js`);
    writeFileSync(script, code);
    const pool = new TransformPool(2, script);
    const ranHere: number[] = [];
    const results: TransformJobResult[] = [];
    try {
      pool.setRunFiles([]);
      await pool.runAll(
        jobs,
        (job) => {
          // slow enough that the workers are up and holding jobs before this thread runs out of them
          Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 40);
          ranHere.push(job.id);
          return { id: job.id, requests: [] };
        },
        (result) => results.push(result),
      );
    } finally {
      await pool.close();
    }
    expect(results.map((r) => r.id).sort()).toEqual([0, 1, 2, 3, 4, 5]);
    expect(ranHere.sort()).toEqual([0, 1, 2, 3, 4, 5]);
  });
});
