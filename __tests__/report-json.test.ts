/** The --json report: every file with its status, diff and diagnostics; totals; what was written. */
import { buildJsonReport, renderJson } from '../report/json';
import { buildReport } from '../report/totals';
import { buildDiagnostic, buildRunResult } from './support/cli-results';

const result = buildRunResult(
  [
    { path: 'a.js', before: 'a();\n', after: 'b();\n', diagnostics: [buildDiagnostic('X', 'a.js', 1, 1)] },
    { path: 'same.js', before: 'a();\n', after: 'a();\n' },
    { path: 'big.js', status: 'skipped', reason: 'larger than 2 MB' },
    { path: 'bad.js', before: 'a(', status: 'failed', error: { message: 'cannot parse', line: 1, column: 3 } },
  ],
  {
    madeAsync: [
      {
        file: 'a.js',
        name: 'load',
        line: 1,
        column: 1,
        reason: 'awaits undici.request',
        conversions: [],
        exported: false,
      },
    ],
  },
);

describe('JSON report', () => {
  const json = buildJsonReport(buildReport(result), { mode: 'preview', exitCode: 2 });

  test('rep-structured-results: one entry per file with status, reason, error and diff', () => {
    expect(json.files.map((f) => [f.path, f.status])).toEqual([
      ['a.js', 'changed'],
      ['same.js', 'unchanged'],
      ['big.js', 'skipped'],
      ['bad.js', 'failed'],
    ]);
    expect(json.files[0].diff).toBe('diff --git a/a.js b/a.js\n--- a/a.js\n+++ b/a.js\n@@ -1 +1 @@\n-a();\n+b();\n');
    expect(json.files[1].diff).toBeUndefined();
    expect(json.files[2].reason).toBe('larger than 2 MB');
    expect(json.files[3].error).toEqual({ message: 'cannot parse', line: 1, column: 3 });
    expect(json.files[0].diagnostics).toEqual([buildDiagnostic('X', 'a.js', 1, 1)]);
  });

  test('totals sum to the files examined, and the exit code is part of the report', () => {
    const t = json.totals;
    expect(t.changed + t.unchanged + t.skipped + t.failed).toBe(t.files);
    expect([t.files, t.linesAdded, t.linesRemoved, json.exitCode]).toEqual([4, 1, 1, 2]);
  });

  test('run stats are included', () => {
    expect(json.stats).toEqual(result.stats);
  });

  test('leftovers come with counts per primitive', () => {
    const leftover = { primitive: 'deasync' as const, file: 'a.js', line: 1, column: 17, reason: 'r' };
    const withLeftover = buildJsonReport(buildReport(buildRunResult([], { leftovers: [leftover] })), {
      mode: 'preview',
      exitCode: 0,
    });
    expect(withLeftover.leftovers).toEqual({ counts: { deasync: 1 }, items: [leftover] });
  });

  test('madeAsync and written lists', () => {
    expect(json.madeAsync).toEqual([
      { file: 'a.js', name: 'load', line: 1, column: 1, reason: 'awaits undici.request', exported: false },
    ]);
    expect(json.written).toEqual([]);
    const written = buildJsonReport(buildReport(result), {
      mode: 'write',
      exitCode: 2,
      write: { written: ['a.js'], notWritten: [] },
    });
    expect(written.written).toEqual(['a.js']);
  });

  test('renders as parseable JSON ending in a newline', () => {
    const text = renderJson(buildReport(result), { mode: 'preview', exitCode: 2 });
    expect(text.endsWith('}\n')).toBe(true);
    expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(json)));
  });
});
