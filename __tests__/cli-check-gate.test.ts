/**
 * `--check` as a gate (issue 17, point 4): exit 1 while a file would change or a sync primitive is left
 * that neither an `awaitify-ignore-next-line` comment (with a reason) nor the baseline accepts; exit 2 for
 * error diagnostics in every mode. Run in process with the real transforms.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { JsonReport } from '../report/json';
import { registry } from '../transforms/registry';
import { runCliInProcess } from './support/cli-harness';
import { makeTempFolder, writeTree } from './support/git-repo';

// sync-request handed on rather than called: no transform converts it, so nothing changes and it stays
const leftSyncRequest = "const request = require('sync-request');\nmodule.exports = request;\n";
const leftCo = "const co = require('co');\nmodule.exports = co;\n";

function run(argv: string[], cwd: string) {
  return runCliInProcess(['--allow-no-git', ...argv], { cwd, overrides: { registry } });
}

function buildProject(files: Record<string, string>): string {
  const dir = makeTempFolder('gate');
  writeTree(dir, files);
  return dir;
}

describe('--check fails on sync primitives that nothing accepts', () => {
  test('nothing would change but sync-request is left: exit 1, and the summary says where', async () => {
    const dir = buildProject({ 'a.js': leftSyncRequest });
    const check = await run(['--check'], dir);
    expect(check.code).toBe(1);
    expect(check.stdout).toBe('');
    expect(check.stderr).toContain('not accepted (--check fails on these):\n  a.js:1:26 sync-request\n');
    expect(check.stderr).toContain('1 sync primitive left that nothing accepts\n');
    // the preview reports the same leftovers but is no gate
    expect((await run([], dir)).code).toBe(0);
  });

  test('a comment with a reason on the line above the load accepts it', async () => {
    const accepted = '// awaitify-ignore-next-line: handed to a sync plugin API\n' + leftSyncRequest;
    const dir = buildProject({ 'a.js': accepted, 'b.js': `\r\n  //awaitify-ignore-next-line:  kept\r\n${leftCo}` });
    const check = await run(['--check', '--json'], dir);
    expect(check.code).toBe(0);
    const report = JSON.parse(check.stdout) as JsonReport;
    expect(report.leftovers.items).toEqual([
      expect.objectContaining({ file: 'a.js', accepted: 'comment', acceptedReason: 'handed to a sync plugin API' }),
      expect.objectContaining({ file: 'b.js', accepted: 'comment', acceptedReason: 'kept' }),
    ]);
    expect(report.leftovers.unaccepted).toBe(0);
  });

  test.each([
    ['without a reason', '// awaitify-ignore-next-line\n'],
    ['with an empty reason', '// awaitify-ignore-next-line:   \n'],
  ])('a comment %s accepts nothing and is reported', async (_, comment) => {
    const dir = buildProject({ 'a.js': comment + leftSyncRequest });
    const check = await run(['--check'], dir);
    expect(check.code).toBe(1);
    expect(check.stderr).toContain('note: a.js:1: awaitify-ignore-next-line needs a reason');
  });

  test('a comment two lines above the load does not count', async () => {
    const dir = buildProject({ 'a.js': `// awaitify-ignore-next-line: far\n\n${leftSyncRequest}` });
    expect((await run(['--check'], dir)).code).toBe(1);
  });
});

describe('the baseline file', () => {
  test('--update-baseline accepts what is left today; --check then fails only on new leftovers', async () => {
    const dir = buildProject({ 'src/a.js': leftSyncRequest, 'src/b.js': leftCo });
    const update = await run(['--update-baseline'], dir);
    expect(update.code).toBe(0);
    expect(JSON.parse(readFileSync(path.join(dir, 'awaitify-baseline.json'), 'utf8'))).toEqual({
      awaitifyBaseline: 1,
      leftovers: { 'src/a.js': { 'sync-request': { count: 1 } }, 'src/b.js': { co: { count: 1 } } },
    });
    expect((await run(['--check'], dir)).code).toBe(0);
    // keyed by file and primitive, not line: an edit above the require keeps it accepted
    writeFileSync(path.join(dir, 'src/a.js'), `'use strict';\n\n${leftSyncRequest}`);
    expect((await run(['--check'], dir)).code).toBe(0);
    writeFileSync(path.join(dir, 'src/c.js'), leftSyncRequest);
    const check = await run(['--check'], dir);
    expect(check.code).toBe(1);
    expect(check.stderr).toContain('  src/c.js:1:26 sync-request\n');
  });

  test('a baseline entry nothing needs any more is reported, and --update-baseline prunes it', async () => {
    const dir = buildProject({ 'a.js': leftSyncRequest });
    const baseline = { awaitifyBaseline: 1, leftovers: { 'a.js': { 'sync-request': { count: 1 }, co: { count: 2 } } } };
    writeFileSync(path.join(dir, 'awaitify-baseline.json'), JSON.stringify(baseline));
    const check = await run(['--check'], dir);
    expect(check.code).toBe(0);
    expect(check.stderr).toContain('note: the baseline accepts 2 more co in a.js than is left');
    await run(['--update-baseline'], dir);
    const pruned = JSON.parse(readFileSync(path.join(dir, 'awaitify-baseline.json'), 'utf8')) as typeof baseline;
    expect(pruned.leftovers).toEqual({ 'a.js': { 'sync-request': { count: 1 } } });
  });

  test('--baseline FILE names another file; its paths are relative to its own folder', async () => {
    const dir = buildProject({ 'src/a.js': leftSyncRequest, 'ci/.keep': '' });
    await run(['--update-baseline', '--baseline', 'ci/accepted.json'], dir);
    const written = JSON.parse(readFileSync(path.join(dir, 'ci/accepted.json'), 'utf8')) as { leftovers: object };
    expect(Object.keys(written.leftovers)).toEqual(['../src/a.js']);
    expect(
      (
        await runCliInProcess(['--check', '--baseline', 'accepted.json', '../src'], {
          cwd: path.join(dir, 'ci'),
          overrides: { registry },
        })
      ).code,
    ).toBe(0);
  });

  test.each([
    ['not JSON', '{ nope', 'baseline awaitify-baseline.json: not valid JSON'],
    ['another JSON file', '{"name":"x"}', 'baseline awaitify-baseline.json: not an awaitify baseline'],
    ['a bad count', '{"awaitifyBaseline":1,"leftovers":{"a.js":{"co":{"count":0}}}}', '"a.js"."co".count must be'],
  ])(
    'a baseline that is %s is an error (exit 2), and --update-baseline does not replace it',
    async (_, text, message) => {
      const dir = buildProject({ 'a.js': leftSyncRequest, 'awaitify-baseline.json': text });
      for (const argv of [['--check'], ['--update-baseline']]) {
        const result = await run(argv, dir);
        expect(result.code).toBe(2);
        expect(result.stderr).toContain(message);
      }
      expect(readFileSync(path.join(dir, 'awaitify-baseline.json'), 'utf8')).toBe(text);
    },
  );
});

describe('exit codes', () => {
  test('an error diagnostic exits 2 in every mode', async () => {
    const dir = buildProject({ 'src/db.js': 'async function query() {}\nmodule.exports = { query };\n' });
    for (const mode of [[], ['--check'], ['--json'], ['--write']]) {
      const result = await run([...mode, '--async', 'src/db.js#nothing'], dir);
      expect([mode, result.code]).toEqual([mode, 2]);
    }
  });

  test('--help lists the exit codes', async () => {
    const help = await runCliInProcess(['--help'], { cwd: makeTempFolder('help') });
    expect(help.stdout).toMatch(
      /Exit codes:\n {2}0 {2}done[^]*\n {2}1 {2}--check: a file would change, or a sync primitive/,
    );
    expect(help.stdout).toMatch(/\n {2}2 {2}bad usage/);
  });
});
