/**
 * The JSON contract (issue 17, point 6): schema/report.schema.json and schema/list.schema.json are
 * strict (no field they do not describe), every report the suite produces is validated against them
 * (support/cli-harness.ts), and the validation can fail.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { buildJsonReport, renderJson } from '../report/json';
import { buildReport } from '../report/totals';
import { registry } from '../transforms/registry';
import { runCliInProcess } from './support/cli-harness';
import { buildDiagnostic, buildRunResult } from './support/cli-results';
import { makeTempFolder, writeTree } from './support/git-repo';
import { checkJsonOutput, parseValidList, parseValidReport, validateReport } from './support/report-schema';

const result = buildRunResult(
  [
    { path: 'a.js', before: 'a();\n', after: 'b();\n', diagnostics: [buildDiagnostic('X_CODE', 'a.js', 1, 1)] },
    { path: 'big.js', status: 'skipped', reason: 'larger than --max-file-size' },
    { path: 'bad.js', before: 'a(', status: 'failed', error: { message: 'cannot parse', line: 1, column: 3 } },
  ],
  {
    madeAsync: [{ file: 'a.js', name: null, line: 1, column: 1, reason: 'awaits x', conversions: [], exported: true }],
    leftovers: [{ primitive: 'co', file: 'a.js', line: 1, column: 1, reason: 'r' }],
  },
);

describe('schema/report.schema.json', () => {
  test('accepts the reports of every mode, with a write, a gate and option sources', () => {
    const report = buildReport(result);
    const gate = {
      items: [{ ...result.leftovers[0], accepted: 'comment' as const, acceptedReason: 'kept' }],
      unaccepted: 0,
      notes: [],
    };
    for (const mode of ['preview', 'check', 'write', 'interactive']) {
      const write = {
        written: ['a.js'],
        notWritten: [{ path: 'b.js', reason: 'r' }],
        refusal: 'x',
        restored: ['c.js'],
      };
      const text = renderJson(report, {
        mode,
        exitCode: 2,
        write,
        gate,
        cliOptions: { write: true, patch: 'out.patch' },
        optionSources: { sources: { write: 'flag', ignore: 'config' }, configFile: 'awaitify.config.json' },
        removedTemps: ['a.js.awaitify-tmp-1-ab'],
      });
      expect(() => parseValidReport(text)).not.toThrow();
    }
  });

  test.each([
    ['the old `version` field', (r: Record<string, unknown>) => ({ ...r, version: 1 })],
    ['an undocumented field', (r: Record<string, unknown>) => ({ ...r, extra: true })],
    ['a missing field', ({ totals: _totals, ...r }: Record<string, unknown>) => r],
    ['another schemaVersion', (r: Record<string, unknown>) => ({ ...r, schemaVersion: 2 })],
    [
      'an unknown file status',
      (r: Record<string, unknown>) => ({ ...r, files: [{ ...(r.files as object[])[0], status: 'odd' }] }),
    ],
  ])('rejects a report with %s', (_, change) => {
    const good = buildJsonReport(buildReport(result), { mode: 'preview', exitCode: 0 }) as unknown as Record<
      string,
      unknown
    >;
    expect(validateReport(good)).toBe(true);
    expect(validateReport(change(good))).toBe(false);
    expect(() => checkJsonOutput(['--json'], JSON.stringify(change(good)))).toThrow(/does not match schema/);
  });

  test('a real run with the real transforms produces a valid report (validated by the harness)', async () => {
    const dir = makeTempFolder('schema-run');
    writeTree(dir, {
      'package.json': '{ "dependencies": { "sync-request": "^6.1.0" } }\n',
      'a.js':
        "const request = require('sync-request');\nfunction get() { return request('GET', 'http://x').getBody(); }\nmodule.exports = { get };\n",
      'b.js': "const co = require('co');\nmodule.exports = co;\n",
    });
    const run = await runCliInProcess(['--json', '--check', '--allow-no-git'], { cwd: dir, overrides: { registry } });
    const report = parseValidReport(run.stdout) as { schemaVersion: number; files: unknown[] };
    expect(report.schemaVersion).toBe(1);
    expect(report.files).toHaveLength(3);
  });
});

describe('awaitify list --json', () => {
  test('lists every transform with its options and diagnostics, as schema/list.schema.json says', async () => {
    const run = await runCliInProcess(['list', '--json'], {
      cwd: makeTempFolder('list-json'),
      overrides: { registry },
    });
    expect(run.code).toBe(0);
    const list = parseValidList(run.stdout) as { transforms: { name: string; options: { flag: string }[] }[] };
    expect(list.transforms.map((t) => t.name)).toEqual(registry.listTransforms().map((t) => t.meta.name));
    expect(list.transforms.flatMap((t) => t.options.map((o) => o.flag))).toContain('--runner');
  });

  test('list without --json still prints text', async () => {
    const run = await runCliInProcess(['list'], { cwd: makeTempFolder('list-text'), overrides: { registry } });
    expect(run.stdout).toMatch(/^1\. unwrap-runners\n/);
  });
});

test('the README points at the schema files', () => {
  const readme = readFileSync(path.join(__dirname, '..', 'README.md'), 'utf8');
  expect(readme).toContain('schema/report.schema.json');
  expect(readme).toContain('schema/list.schema.json');
});
