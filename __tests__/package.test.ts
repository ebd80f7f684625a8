/**
 * A package a user can install by name (issue 17, point 7): the registry name is awaitify-codemod (the
 * name `awaitify` belongs to an unrelated library), the bin is `awaitify`, and the tarball holds what
 * runs — the compiled code without tests and benchmark, README, LICENSE and the JSON schemas.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { makeTempFolder, writeTree } from './support/git-repo';
import { installTarball, listPackedFiles, packTarball } from './support/packed-install';

const root = path.join(__dirname, '..');
const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  name: string;
  version: string;
  license: string;
  bin: Record<string, string>;
};

describe('the package', () => {
  test('is named awaitify-codemod, keeps the bin awaitify, and the README tells npx that name', () => {
    expect(manifest.name).toBe('awaitify-codemod');
    expect(manifest.bin).toEqual({ awaitify: 'dist/bin/awaitify.js' });
    const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
    expect(readme).toContain('npx awaitify-codemod');
    // a command line `npx awaitify …` would download and run the unrelated package of that name
    expect(readme).not.toMatch(/^npx awaitify(?!-codemod)\b/m);
  });

  test('has an MIT LICENSE, as package.json says', () => {
    expect(manifest.license).toBe('MIT');
    expect(readFileSync(path.join(root, 'LICENSE'), 'utf8')).toMatch(/^MIT License\n/);
  });

  test('the tarball holds the compiled code, README, LICENSE and schemas, and no tests, benchmark or sources', () => {
    const files = listPackedFiles();
    expect(files).toEqual(
      expect.arrayContaining([
        'LICENSE',
        'README.md',
        'package.json',
        'dist/bin/awaitify.js',
        'dist/cli/main.js',
        'dist/engine/transform-worker.js',
        'schema/report.schema.json',
        'schema/list.schema.json',
      ]),
    );
    const unexpected = files.filter(
      (file) => !/^(LICENSE|README\.md|package\.json|schema\/[a-z.]+\.json|dist\/[a-z]+\/[\w/.-]+\.js)$/.test(file),
    );
    expect(unexpected).toEqual([]);
    expect(files.filter((file) => /^dist\/(__tests__|bench)\//.test(file))).toEqual([]);
    // every compiled file has its source: no stale output of a deleted file ships
    const stale = files.filter((f) => f.startsWith('dist/') && !existsSync(path.join(root, f.slice(5, -3) + '.ts')));
    expect(stale).toEqual([]);
  });
});

describe('installed from the tarball into an empty folder', () => {
  test('runs --version and a preview', () => {
    const app = installTarball(packTarball());
    const bin = path.join(app, 'node_modules', '.bin', 'awaitify');
    const version = spawnSync(bin, ['--version'], { encoding: 'utf8' });
    expect([version.status, version.stdout]).toEqual([0, `${manifest.version}\n`]);
    const project = makeTempFolder('installed-project');
    writeTree(project, {
      'package.json': '{ "dependencies": { "sync-request": "^6.1.0" } }\n',
      'src/get.js':
        "const request = require('sync-request');\nfunction get(u) {\n  return request('GET', u).getBody('utf8');\n}\nmodule.exports = { get };\n",
    });
    const preview = spawnSync(bin, ['src'], {
      cwd: project,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined },
    });
    expect(preview.status).toBe(0);
    expect(preview.stdout).toContain("require('undici')");
    expect(preview.stderr).toContain('nothing written; run with --write to apply');
  });
});
