/**
 * The diff renderer against `git apply`: every case is a real file in a scratch git repository, the
 * rendered patch must pass `git apply --check`, applying it must give exactly the new bytes, and
 * `git apply -R` must give back the old ones (reliability research T8, patch-* regressions).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { execFileSync } from 'node:child_process';
import { buildAnchoredHunks } from '../report/anchored-diff';
import { getFileDiff, renderDiff, renderFileDiff } from '../report/diff';
import { ansiPalette } from '../report/color';
import { quoteGitPath } from '../report/git-path';
import { buildFileResult, buildRunResult } from './support/cli-results';
import type { FileSpec } from './support/cli-results';
import { commitAll, initGitRepo, makeTempFolder, writeTree } from './support/git-repo';

const longBefore = Array.from({ length: 40 }, (_, i) => `line ${i + 1}`).join('\n') + '\n';
const longAfter = longBefore.replace('line 3\n', 'LINE 3\n').replace('line 30\n', 'LINE 30\n');

const cases: Record<string, { before: string; after: string }> = {
  'crlf-line-changed.js': { before: 'a();\r\nb();\r\nc();\r\n', after: 'a();\r\nB();\r\nc();\r\n' },
  'bom-first-line-changed.js': { before: '\ufeffa();\nb();\n', after: '\ufeffA();\nb();\n' },
  'bom-and-crlf.js': { before: '\ufeffa();\r\nb();\r\n', after: '\ufeffa();\r\nB();\r\n' },
  'no-final-newline-either-side.js': { before: 'a();\nb();', after: 'a();\nB();' },
  'final-newline-added.js': { before: 'a();\nb();', after: 'a();\nb();\n' },
  'final-newline-removed.js': { before: 'a();\nb();\n', after: 'a();\nb();' },
  'crlf-no-final-newline.js': { before: 'a();\r\nb();', after: 'A();\r\nb();' },
  'empty-context-lines.js': { before: 'a();\n\n\nb();\n\n\nc();\n', after: 'a();\n\n\nB();\n\n\nc();\n' },
  'crlf-empty-context-lines.js': {
    before: 'a();\r\n\r\nb();\r\n\r\nc();\r\n',
    after: 'a();\r\n\r\nB();\r\n\r\nc();\r\n',
  },
  'lone-cr-inside-a-line.js': { before: 'a();\rb();\nc();\n', after: 'a();\rb();\nC();\n' },
  'lines-added-at-the-end.js': { before: 'a();\n', after: 'a();\nb();\nc();\n' },
  'lines-added-at-the-start.js': { before: 'b();\n', after: 'a();\nb();\n' },
  'two-hunks-far-apart.js': { before: longBefore, after: longAfter },
  'with space.js': { before: 'a();\n', after: 'b();\n' },
  'café/naïve.js': { before: 'a();\n', after: 'b();\n' },
  'quote"and\\backslash.js': { before: 'a();\n', after: 'b();\n' },
  'tab\tname.js': { before: 'a();\n', after: 'b();\n' },
};

const specs: FileSpec[] = Object.entries(cases).map(([p, c]) => ({ path: p, ...c }));

function git(dir: string, ...args: string[]): string {
  return execFileSync('git', ['-C', dir, '-c', 'core.autocrlf=false', ...args], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

function buildRepo(name: string): string {
  const dir = initGitRepo(makeTempFolder(name));
  writeTree(dir, Object.fromEntries(specs.map((s) => [s.path, s.before as string])));
  commitAll(dir);
  return dir;
}

describe('unified diff accepted by git apply', () => {
  const patch = renderDiff(buildRunResult(specs));
  let dir: string;
  beforeAll(() => {
    dir = buildRepo('diff');
    writeFileSync(path.join(dir, '..', `${path.basename(dir)}.patch`), patch);
  });
  const patchFile = (): string => path.join(dir, '..', `${path.basename(dir)}.patch`);

  test('patch-git-apply-check: git apply --check accepts every case', () => {
    expect(() => git(dir, 'apply', '--check', patchFile())).not.toThrow();
  });

  test('patch-fidelity: git apply gives exactly the new bytes, git apply -R the old ones', () => {
    git(dir, 'apply', patchFile());
    for (const spec of specs)
      expect([spec.path, readFileSync(path.join(dir, spec.path), 'utf8')]).toEqual([spec.path, spec.after]);
    git(dir, 'apply', '-R', patchFile());
    for (const spec of specs)
      expect([spec.path, readFileSync(path.join(dir, spec.path), 'utf8')]).toEqual([spec.path, spec.before]);
    expect(git(dir, 'status', '--porcelain')).toBe('');
  });

  test('patch-git-apply-check: also accepted with core.autocrlf=true and apply.whitespace=error', () => {
    const other = buildRepo('diff-autocrlf');
    for (const setting of ['core.autocrlf=true', 'apply.whitespace=error']) {
      expect(() =>
        execFileSync('git', ['-C', other, '-c', setting, 'apply', '--check', patchFile()], { stdio: 'pipe' }),
      ).not.toThrow();
    }
  });

  test('patch-eof-marker: the no-newline marker follows the line that lacks the newline', () => {
    const text = renderFileDiff(getFileDiff(buildFileResult({ path: 'x.js', ...cases['final-newline-added.js'] })));
    expect(text.split('\n').slice(3)).toEqual([
      '@@ -1,2 +1,2 @@',
      ' a();',
      '-b();',
      '\\ No newline at end of file',
      '+b();',
      '',
    ]);
  });

  test('patch-empty-context: empty context lines keep their leading space', () => {
    const text = renderFileDiff(getFileDiff(buildFileResult({ path: 'x.js', ...cases['empty-context-lines.js'] })));
    expect(text).toContain('\n a();\n \n \n-b();\n+B();\n \n \n c();\n');
  });

  test('CRLF lines keep their \\r and the BOM is part of the first line', () => {
    const text = renderFileDiff(getFileDiff(buildFileResult({ path: 'x.js', ...cases['bom-and-crlf.js'] })));
    expect(text).toContain('\n \ufeffa();\r\n-b();\r\n+B();\r\n');
  });
});

describe('anchored diff (the fallback for files with thousands of changed lines)', () => {
  const bigLines = Array.from({ length: 3000 }, (_, i) => `line ${i};`);
  const big = {
    path: 'big.js',
    before: `${bigLines.join('\n')}\n`,
    after: `${bigLines.map((l, i) => (i % 2 === 0 ? `${l} // changed` : l)).join('\n')}`,
  };

  test('every case, and a file with 3,000 changed lines, is accepted by git apply and gives the new bytes', () => {
    const all = [...Object.entries(cases).map(([p, c]) => ({ path: p, ...c })), big];
    const dir = initGitRepo(makeTempFolder('anchored'));
    writeTree(dir, Object.fromEntries(all.map((s) => [s.path, s.before])));
    commitAll(dir);
    const patch = all
      .map((s) =>
        renderFileDiff({ path: s.path, hunks: buildAnchoredHunks(s.before, s.after, 3), added: 0, removed: 0 }),
      )
      .join('');
    const patchFile = path.join(dir, '..', `${path.basename(dir)}.patch`);
    writeFileSync(patchFile, patch);
    git(dir, 'apply', patchFile);
    for (const spec of all)
      expect([spec.path, readFileSync(path.join(dir, spec.path), 'utf8')]).toEqual([spec.path, spec.after]);
  });

  test('a file with more changed lines than the Myers budget still shows real hunks', () => {
    const diff = getFileDiff(buildFileResult(big));
    // 1,500 lines changed, and the last one lost its final newline
    expect([diff.added, diff.removed]).toEqual([1501, 1501]);
    // every changed line is its own change; hunks merge where their context touches, as git's do
    expect(diff.hunks.length).toBe(1);
    expect(diff.hunks[0]?.lines.slice(0, 4)).toEqual(['-line 0;', '+line 0; // changed', ' line 1;', '-line 2;']);
    const sparse = bigLines.map((l, i) => (i % 100 === 0 ? `${l} // changed` : l));
    const many = sparse.flatMap((l, i) =>
      i % 100 === 50 ? [l, ...Array.from({ length: 30 }, (_, k) => `add ${i} ${k}`)] : [l],
    );
    const sparseDiff = getFileDiff(
      buildFileResult({ path: 'b.js', before: big.before, after: `${many.join('\n')}\n` }),
    );
    expect(sparseDiff.added).toBe(30 + 900);
    expect(sparseDiff.hunks.length).toBe(60);
  });
});

describe('diff headers and content', () => {
  test('git-style headers, hunk ranges without a count of 1', () => {
    const text = renderDiff(buildRunResult([{ path: 'src/a.js', before: 'a();\n', after: 'b();\n' }]));
    expect(text).toBe('diff --git a/src/a.js b/src/a.js\n--- a/src/a.js\n+++ b/src/a.js\n@@ -1 +1 @@\n-a();\n+b();\n');
  });

  test('unchanged, skipped and failed files have no diff', () => {
    const result = buildRunResult([
      { path: 'same.js', before: 'a();\n', after: 'a();\n' },
      { path: 'skip.js', status: 'skipped', reason: 'minified code' },
      { path: 'bad.js', before: 'a(', status: 'failed', error: { message: 'cannot parse', line: 1, column: 3 } },
    ]);
    expect(renderDiff(result)).toBe('');
  });

  test('counts added and removed lines', () => {
    const diff = getFileDiff(buildFileResult({ path: 'x.js', ...cases['two-hunks-far-apart.js'] }));
    expect([diff.hunks.length, diff.added, diff.removed]).toEqual([2, 2, 2]);
  });

  test('colour wraps lines in ANSI codes only when a colour palette is given', () => {
    const result = buildRunResult([{ path: 'a.js', before: 'a();\n', after: 'b();\n' }]);
    expect(renderDiff(result)).not.toContain('\u001b[');
    expect(renderDiff(result, ansiPalette)).toContain('\u001b[31m-a();\u001b[39m\n\u001b[32m+b();\u001b[39m');
  });
});

describe('quoteGitPath', () => {
  test.each([
    ['plain/path.js', 'a/plain/path.js'],
    ['with space.js', 'a/with space.js'],
    ['café.js', '"a/caf\\303\\251.js"'],
    ['tab\tname.js', '"a/tab\\tname.js"'],
    ['quote".js', '"a/quote\\".js"'],
    ['back\\slash.js', '"a/back\\\\slash.js"'],
  ])('%s → %s', (input, expected) => {
    expect(quoteGitPath('a/', input)).toBe(expected);
  });

  test('matches what git itself prints for the same names', () => {
    const dir = initGitRepo(makeTempFolder('quote'));
    const names = ['with space.js', 'café.js', 'tab\tname.js', 'quote".js', 'back\\slash.js'];
    writeTree(dir, Object.fromEntries(names.map((n) => [n, 'a\n'])));
    commitAll(dir);
    for (const n of names) writeFileSync(path.join(dir, n), 'b\n');
    const headers = git(dir, 'diff')
      .split('\n')
      .filter((l) => l.startsWith('diff --git '));
    expect(headers.sort()).toEqual(
      names.map((n) => `diff --git ${quoteGitPath('a/', n)} ${quoteGitPath('b/', n)}`).sort(),
    );
  });
});
