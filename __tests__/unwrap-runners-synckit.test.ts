/**
 * The two-file synckit conversion through the real engine, beyond what the fixture folders show:
 * a second run over every migrated case changes nothing; the engine's cross-file edit hook
 * (readOriginal / requestEdit / applyFileEdits) deduplicates requests, hands out original text, and
 * fails the target and its requesters together when an edit cannot be applied; a worker whose text
 * changed under the plan fails both files instead of leaving a caller pointing at a missing export.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { run } from '../engine/run';
import type { RunResult } from '../engine/types';
import { transformFile } from '../engine/transform-file';
import { selectTransforms } from '../transforms/registry';
import type { Transform } from '../transforms/shared/types';
import { unwrapRunners } from '../transforms/unwrap-runners';
import { applyWorkerExportRequest, planWorkerFile } from '../transforms/unwrap-runners/synckit-worker-export';
import jscodeshift from 'jscodeshift';
import { tagFiles } from './support/file-edit-transform';

const fixtureDir = join(__dirname, '..', '__testfixtures__', 'unwrap-runners');
const synckitCases = readdirSync(fixtureDir).filter(
  (f) => f.startsWith('synckit-worker-') && existsSync(join(fixtureDir, f, 'output')),
);
let dir = '';

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'awaitify-synckit-engine-'));
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function runOver(
  files: Record<string, string>,
  transforms: readonly Transform[],
  name: string,
): Promise<RunResult> {
  const cwd = join(dir, name);
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(dirname(join(cwd, file)), { recursive: true });
    writeFileSync(join(cwd, file), text);
  }
  return run({ paths: ['.'], cwd, transforms });
}

function textOf(result: RunResult, path: string): string | undefined {
  return result.files.find((f) => f.path === path)?.after?.toString('utf8');
}

describe('synckit conversion through the engine', () => {
  it('has the migrated fixture folders to re-run', () => {
    expect(synckitCases.length).toBeGreaterThanOrEqual(5);
  });

  it.each(synckitCases)('%s: a second run over the output changes nothing', async (name) => {
    const cwd = join(dir, `again-${name}`);
    cpSync(join(fixtureDir, name, 'output'), cwd, { recursive: true });
    const selected = selectTransforms(['unwrap-runners', 'propagate-async']);
    const result = await run({
      paths: ['.'],
      cwd,
      transforms: selected.transforms,
      projectTransform: selected.projectTransform,
    });
    expect(result.files.filter((f) => f.status === 'changed' || f.status === 'failed').map((f) => f.path)).toEqual([]);
  });

  it('outside an engine run (one file, no access to the worker) the caller keeps its diagnostic', () => {
    const text =
      "const { createSyncFn } = require('synckit');\nconst w = createSyncFn(require.resolve('./w.js'));\nasync function f() { return w(1); }\n";
    const output = transformFile({ file: 'a.js', text, transforms: [unwrapRunners], nodeEngines: null });
    expect(output.text).toBe(text);
    expect(output.diagnostics.map((d) => d.code)).toEqual(['SYNCKIT_WORKER_IN_OTHER_FILE']);
  });

  it('a worker that no longer allows the planned export fails instead of exporting something else', () => {
    const worker = "const { runAsWorker } = require('synckit');\nrunAsWorker(async (x) => x);\n";
    const { plan } = planWorkerFile('/w.js', worker);
    expect(plan.ok && plan.export).toEqual({ form: 'default', name: 'runWorker' });
    const j = jscodeshift.withParser('babel');
    // the file gained an export since the caller planned: the function would be a named export now
    const changed = j(`${worker}exports.extra = 1;\n`);
    expect(() => applyWorkerExportRequest(j, changed, false, ['default', 'runWorker'])).toThrow(
      /not default runWorker/,
    );
  });
});

describe('cross-file edit hook (engine)', () => {
  it('deduplicates requests, applies them once after the per-file phase, and reads original text', async () => {
    const result = await runOver(
      {
        'a.js': "tag('./b.js', 'x');\ntag('./b.js', 'y');\ntag('./missing.js', 'z');\n",
        'c.js': "tag('./b.js', 'x');\n",
        'b.js': 'oldName();\n',
      },
      [tagFiles],
      'dedupe',
    );
    expect(result.files.filter((f) => f.status === 'failed')).toEqual([]);
    expect(textOf(result, 'b.js')).toBe("newName();\ntagged('x');\ntagged('y');\n");
    expect(result.files.find((f) => f.path === 'b.js')?.changedBy).toEqual(['tag-files']);
    expect(result.diagnostics.map((d) => `${d.file}:${d.line} ${d.code}`)).toEqual([
      'a.js:1 SAW_ORIGINAL',
      'a.js:2 SAW_ORIGINAL',
      'a.js:3 NOT_IN_RUN',
      'c.js:1 SAW_ORIGINAL',
    ]);
  });

  it('an edit that cannot be applied fails the target (with its location) and every file that asked', async () => {
    const result = await runOver(
      {
        'a.js': "tag('./b.js', 'explode');\n",
        'b.js': 'oldName();\n',
        'c.js': "tag('./d.js', 'fine');\n",
        'd.js': 'ok();\n',
      },
      [tagFiles],
      'failing',
    );
    const byPath = new Map(result.files.map((f) => [f.path, f]));
    expect(byPath.get('b.js')?.status).toBe('failed');
    expect(byPath.get('b.js')?.error).toEqual({
      message: 'cannot apply the edit asked by a.js: cannot tag here',
      line: 1,
      column: 1,
    });
    expect(byPath.get('a.js')?.status).toBe('failed');
    expect(byPath.get('a.js')?.error?.message).toBe('needs an edit of b.js that failed');
    expect(textOf(result, 'd.js')).toBe("ok();\ntagged('fine');\n");
  });
});
