/**
 * The configuration file (issue 17, point 5): found from the working folder upward, its keys are the
 * options' schema keys, flags win, paths and ignore patterns are relative to the file's folder, and a
 * wrong key or type exits 2 naming it and what was expected.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { rebaseIgnorePatterns } from '../cli/config-ignore';
import type { JsonReport } from '../report/json';
import { registry } from '../transforms/registry';
import { runCliInProcess } from './support/cli-harness';
import { makeTempFolder, writeTree } from './support/git-repo';

interface EchoReport extends JsonReport {
  options: JsonReport['options'] & { sources: Record<string, string>; configFile?: string };
}

async function runJson(argv: string[], cwd: string, real = false): Promise<EchoReport> {
  const run = await runCliInProcess(['--json', '--allow-no-git', ...argv], {
    cwd,
    ...(real ? { overrides: { registry } } : {}),
  });
  expect(run.stderr).not.toMatch(/^awaitify: (?!\d+ changed)/m);
  return JSON.parse(run.stdout) as EchoReport;
}

const paths = (report: JsonReport): string[] => report.files.map((file) => `${file.path}:${file.status}`);

describe('awaitify.config.json and package.json "awaitify"', () => {
  test('the file in the working folder sets options by their schema keys; --json says where each came from', async () => {
    const dir = makeTempFolder('config');
    writeTree(dir, {
      'awaitify.config.json': JSON.stringify({ ignore: ['fixtures/'], renameTo: 'fromConfig' }),
      'a.js': 'oldName(1);\n',
      'fixtures/b.js': 'oldName(2);\n',
    });
    const report = await runJson([], dir);
    expect(paths(report)).toEqual(['a.js:changed']);
    expect(report.files[0].diff).toContain('+fromConfig(1);');
    expect(report.options.configFile).toBe('awaitify.config.json');
    expect(report.options.sources).toMatchObject({
      ignore: 'config',
      renameTo: 'config',
      json: 'flag',
      write: 'default',
    });
  });

  test('flags win over the file, a list included', async () => {
    const dir = makeTempFolder('config-flags');
    writeTree(dir, {
      'awaitify.config.json': JSON.stringify({ maxFileSize: 1, renameTo: 'fromConfig', ignore: 'a.js' }),
      'a.js': 'oldName(1);\n',
      'b.js': 'oldName(2);\n',
    });
    const report = await runJson(['--max-file-size', '2mb', '--rename-to', 'fromFlag', '--ignore', 'b.js'], dir);
    expect(paths(report)).toEqual(['a.js:changed']);
    expect(report.files[0].diff).toContain('+fromFlag(1);');
    expect(report.options.sources).toMatchObject({ maxFileSize: 'flag', renameTo: 'flag', ignore: 'flag' });
  });

  test('package.json "awaitify" is found from a subfolder; its ignore patterns are relative to its folder', async () => {
    const dir = makeTempFolder('config-upward');
    writeTree(dir, {
      'package.json': JSON.stringify({
        name: 'x',
        awaitify: { ignore: ['packages/app/gen', 'packages/web/', 'vendor/'] },
      }),
      'packages/app/a.js': 'oldName(1);\n',
      'packages/app/gen/b.js': 'oldName(2);\n',
      'packages/app/packages/web/c.js': 'oldName(3);\n',
      'packages/app/lib/vendor/d.js': 'oldName(4);\n',
    });
    const report = await runJson([], path.join(dir, 'packages/app'));
    // packages/app/gen is anchored at the root: it names gen/ below the cwd; packages/web/ is anchored too,
    // and names nothing below it; vendor/ has a trailing slash only, so it matches at any depth
    expect(paths(report)).toEqual(['a.js:changed', 'packages/web/c.js:changed']);
    expect(report.options.configFile).toBe('../../package.json');
  });

  test('a config file wins over package.json in the same folder; a closer one wins over one above', async () => {
    const dir = makeTempFolder('config-precedence');
    writeTree(dir, {
      'package.json': JSON.stringify({ awaitify: { renameTo: 'fromPackage' } }),
      'awaitify.config.json': JSON.stringify({ renameTo: 'fromFile' }),
      'a.js': 'oldName(1);\n',
      'sub/package.json': JSON.stringify({ awaitify: { renameTo: 'fromSub' } }),
      'sub/b.js': 'oldName(2);\n',
    });
    expect((await runJson(['a.js'], dir)).files[0].diff).toContain('+fromFile(1);');
    expect((await runJson(['.'], path.join(dir, 'sub'))).files[0].diff).toContain('+fromSub(2);');
  });

  test('awaitify.config.cjs, and a baseline path relative to the config file', async () => {
    const dir = makeTempFolder('config-cjs');
    writeTree(dir, {
      'awaitify.config.cjs': "module.exports = { baseline: 'ci/baseline.json', runner: ['runSync'] };\n",
      'src/a.js': "const request = require('sync-request');\nmodule.exports = request;\n",
      'ci/.keep': '',
    });
    const update = await runCliInProcess(['--update-baseline', '--allow-no-git'], {
      cwd: path.join(dir, 'src'),
      overrides: { registry },
    });
    expect(update.stderr).toContain(`baseline written to ${path.join(dir, 'ci/baseline.json')}`);
    const report = await runJson(['--check'], path.join(dir, 'src'), true);
    expect(report.exitCode).toBe(0);
    expect(report.options.transforms['unwrap-runners']).toEqual({ runner: ['runSync'] });
  });

  test('options of a transform that --transforms leaves out are ignored when they come from the file', async () => {
    const dir = makeTempFolder('config-unselected');
    writeTree(dir, { 'awaitify.config.json': JSON.stringify({ runner: ['runSync'] }), 'a.js': 'x();\n' });
    const report = await runJson(['--transforms', 'propagate-async'], dir, true);
    expect(Object.keys(report.options.transforms)).toEqual(['propagate-async']);
  });

  test('awaitify.config.mjs, through the built CLI', () => {
    const dir = makeTempFolder('config-mjs');
    writeTree(dir, { 'awaitify.config.mjs': "export default { maxFileSize: '1kb' };\n", 'a.js': '' });
    const bin = path.join(__dirname, '..', 'dist', 'bin', 'awaitify.js');
    const run = spawnSync(process.execPath, [bin, '--json', '--allow-no-git'], { cwd: dir, encoding: 'utf8' });
    expect(run.status).toBe(0);
    const report = JSON.parse(run.stdout) as JsonReport;
    expect(report.options.engine.maxFileSize).toBe(1024);
  });
});

describe('an invalid configuration exits 2 naming the key and what it expects', () => {
  test.each([
    [{ concurency: 2 }, 'unknown key "concurency" (did you mean "concurrency"?)'],
    [{ concurrency: '2' }, '"concurrency" must be a whole number, not "2"'],
    [{ concurrency: 0 }, '"concurrency": "0" is not a whole number from 1 to'],
    [{ ignore: 5 }, '"ignore" must be a string or an array of strings, not 5'],
    [{ ignore: ['ok/', '[abc'] }, '"ignore": "[abc": a [ is never closed'],
    [{ allowDirty: 'yes' }, '"allowDirty" must be true or false, not "yes"'],
    [{ maxFileSize: 'huge' }, '"maxFileSize": "huge" is not a size'],
    [{ renameTo: '' }, '"renameTo" must be a string, not ""'],
    [{ write: true }, '"write" cannot be set in a configuration file; give it on the command line'],
    [{ check: true }, '"check" cannot be set in a configuration file'],
  ])('%j', async (config, message) => {
    const dir = makeTempFolder('config-invalid');
    writeTree(dir, { 'awaitify.config.json': JSON.stringify(config), 'a.js': 'oldName(1);\n' });
    const run = await runCliInProcess(['--write', '--allow-no-git'], { cwd: dir });
    expect([run.code, run.stdout]).toEqual([2, '']);
    expect(run.stderr).toContain(`awaitify: ${path.join(dir, 'awaitify.config.json')}: ${message}`);
    expect(run.stderr).not.toContain('internal error');
  });

  test('a file that is not JSON, or a config that is not an object', async () => {
    const dir = makeTempFolder('config-broken');
    writeTree(dir, { 'awaitify.config.json': '{ "ignore": [', 'a.js': '' });
    const broken = await runCliInProcess([], { cwd: dir });
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain(`cannot read the configuration in ${path.join(dir, 'awaitify.config.json')}: `);
    writeFileSync(path.join(dir, 'awaitify.config.json'), '[]');
    const notObject = await runCliInProcess([], { cwd: dir });
    expect(notObject.stderr).toContain('the configuration must be an object of options');
  });

  test('--help and --version work whatever the configuration holds', async () => {
    const dir = makeTempFolder('config-help');
    writeTree(dir, { 'awaitify.config.json': '{ nope' });
    expect((await runCliInProcess(['--help'], { cwd: dir })).code).toBe(0);
    expect((await runCliInProcess(['--version'], { cwd: dir })).code).toBe(0);
  });
});

describe('ignore patterns of a config file above the working folder', () => {
  const root = '/repo';
  const cwd = '/repo/packages/app';
  test.each([
    ['*.test.js', ['*.test.js']],
    ['dist/', ['dist/']],
    ['packages/app/gen', ['/gen']],
    ['/packages/app/gen/**', ['/gen/**']],
    ['!packages/app/keep.js', ['!/keep.js']],
    ['packages/*/gen', ['/gen']],
    ['packages/web/gen', []],
    ['**/fixtures', ['/**/fixtures']],
    ['packages/**/gen', ['/**/gen']],
    ['packages/app', ['/*']],
    ['packages/{app,web}/gen', ['/gen']],
  ])('%s', (pattern, expected) => {
    expect(rebaseIgnorePatterns([pattern], root, cwd)).toEqual(expected);
  });
});
