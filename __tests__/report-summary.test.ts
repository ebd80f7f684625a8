/** The stderr summary: counts that add up, diagnostics by code, failures with locations, next step. */
import { renderSummary } from '../report/summary';
import { buildReport } from '../report/totals';
import { buildDiagnostic, buildRunResult } from './support/cli-results';

const mixed = buildRunResult([
  {
    path: 'a.js',
    before: 'a();\nb();\n',
    after: 'A();\nb();\nc();\n',
    diagnostics: [buildDiagnostic('X_GETTER', 'a.js', 2, 3, 'getter cannot await')],
  },
  { path: 'b.js', before: 'b();\n', after: 'b();\n' },
  { path: 'c.min.js', status: 'skipped', reason: 'minified code' },
  { path: 'link.js', status: 'skipped', reason: 'symlink leads out of the tree' },
  {
    path: 'bad.js',
    before: 'a(',
    status: 'failed',
    error: { message: 'cannot parse: Unexpected token\n> 1 | a(', line: 1, column: 3 },
  },
  {
    path: 'd.js',
    before: 'x',
    after: 'y',
    diagnostics: [
      buildDiagnostic('X_GETTER', 'd.js', 9, 1, 'getter cannot await'),
      buildDiagnostic('A_CALLBACK', 'd.js', 6, 1, 'callback handed to emitter.on'),
      buildDiagnostic('A_CALLBACK', 'd.js', 4, 2, 'callback ignores promises'),
    ],
  },
]);

describe('renderSummary', () => {
  const text = renderSummary(buildReport(mixed), { mode: 'preview' });

  test('rep-counts-sum: changed + unchanged + skipped + failed = files examined', () => {
    const report = buildReport(mixed);
    const { changed, unchanged, skipped, failed, files } = report.totals;
    expect([changed, unchanged, skipped, failed]).toEqual([2, 1, 2, 1]);
    expect(changed + unchanged + skipped + failed).toBe(files);
    expect(text.split('\n')[0]).toBe('awaitify: 2 changed, 1 unchanged, 2 skipped, 1 failed (6 files)');
  });

  test('lines added and removed', () => {
    expect(text).toContain('lines: +3 -2\n');
  });

  test('rep-skipped-listed: every skipped file is named with its reason', () => {
    expect(text).toContain('skipped:\n  c.min.js: minified code\n  link.js: symlink leads out of the tree\n');
  });

  test('failures carry file:line:col and the first line of the message', () => {
    expect(text).toContain('failed:\n  bad.js:1:3: cannot parse: Unexpected token\n');
  });

  test('diagnostics are grouped by code; one message for a group that shares it, each its own otherwise', () => {
    expect(text).toContain(
      'diagnostics (4):\n' +
        '  A_CALLBACK warning ×2:\n    d.js:6:1 callback handed to emitter.on\n    d.js:4:2 callback ignores promises\n' +
        '  X_GETTER warning ×2: getter cannot await\n    a.js:2:3\n    d.js:9:1\n',
    );
  });

  test('the next step says nothing was written, and why the exit code is 2', () => {
    expect(text.endsWith('nothing written; run with --write to apply\nexit code 2: 1 file failed\n')).toBe(true);
  });

  test('long lists are cut short with a count of the rest', () => {
    const many = buildRunResult(
      Array.from({ length: 30 }, (_, i) => ({
        path: `f${i}.js`,
        before: 'a',
        after: 'b',
        diagnostics: [buildDiagnostic('MANY', `f${i}.js`, 1, 1)],
      })),
    );
    const out = renderSummary(buildReport(many), { mode: 'check' });
    expect(out).toContain('    f7.js:1:1\n    … and 22 more (see --json)\n');
    expect(out).toContain('30 files would change; run awaitify --write to apply\n');
  });

  test('write mode reports what was written, what was not, and a refusal', () => {
    const report = buildReport(mixed);
    expect(
      renderSummary(report, {
        mode: 'write',
        write: { written: ['a.js'], notWritten: [{ path: 'd.js', reason: 'changed since it was read' }] },
      }),
    ).toContain(
      'wrote 1 file; 1 file not written:\n  d.js: changed since it was read\nexit code 2: 1 file failed, 1 file not written\n',
    );
    expect(
      renderSummary(report, {
        mode: 'write',
        write: { written: [], notWritten: [], refusal: 'a.js has uncommitted changes' },
      }),
    ).toContain(
      'a.js has uncommitted changes\nnothing was written: the tree is unchanged\nexit code 2: 1 file failed, the write was refused\n',
    );
  });

  test('API changes are listed', () => {
    const result = buildRunResult([], {
      apiChanges: [
        {
          file: 'src/api.js',
          name: 'getUser',
          line: 3,
          column: 1,
          reason: 'awaits fetch',
          conversions: [],
          exported: true,
        },
      ],
    });
    expect(renderSummary(buildReport(result), { mode: 'preview' })).toContain(
      '  src/api.js:3:1 getUser now returns a Promise\n',
    );
  });

  test('an empty run says no files were found', () => {
    expect(renderSummary(buildReport(buildRunResult([])), { mode: 'check' })).toContain(
      '(0 files)\nlines: +0 -0\nno JavaScript or TypeScript files found (check the paths and --ignore)\n',
    );
  });

  test('nothing to change', () => {
    const result = buildRunResult([{ path: 'a.js', before: 'a', after: 'a' }]);
    expect(renderSummary(buildReport(result), { mode: 'preview' })).toBe(
      'awaitify: 0 changed, 1 unchanged, 0 skipped, 0 failed (1 file)\nlines: +0 -0\nnothing to change\n',
    );
  });
});

describe('leftovers', () => {
  test('the summary counts the sync primitives a run leaves, by primitive', () => {
    const leftovers = [
      {
        primitive: 'sync-request' as const,
        file: 'a.js',
        line: 1,
        column: 17,
        reason: 'see SYNCREQ_UNSUPPORTED_OPTION',
      },
      {
        primitive: 'sync-request' as const,
        file: 'b.js',
        line: 1,
        column: 17,
        reason: 'see SYNCREQ_UNSUPPORTED_OPTION',
      },
      { primitive: 'co' as const, file: 'c.js', line: 2, column: 12, reason: 'no transform converts this use' },
    ];
    const summary = renderSummary(buildReport(buildRunResult([], { leftovers })), { mode: 'preview' });
    expect(summary).toContain('3 sync primitives left: sync-request ×2, co ×1\n');
  });
});
