/**
 * The engine end to end on real files: byte fidelity (reliability research §4.4, T1, T10), failure
 * isolation (T12), the prefilter, and package.json following the code.
 */
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { findNodes } from '../source/tree-walk';
import { tmpdir } from 'node:os';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { run } from '../engine/run';
import type { RunResult } from '../engine/types';
import type { Transform } from '../transforms/shared/types';
import { selectTransforms } from '../transforms/registry';
import { renameCalls, throwOnExplode, touchEverything } from './support/engine-test-transforms';

let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'awaitify-engine-'));
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

function write(file: string, content: string | Buffer, mode?: number) {
  const full = join(dir, file);
  mkdirSync(join(full, '..'), { recursive: true });
  writeFileSync(full, content);
  if (mode !== undefined) chmodSync(full, mode);
}

async function runWith(transforms: Transform[], paths: string[] = ['.']): Promise<RunResult> {
  return run({ paths, cwd: dir, transforms });
}

function fileResult(result: RunResult, path: string) {
  const found = result.files.find((f) => f.path === path);
  if (!found) throw new Error(`no result for ${path}: ${result.files.map((f) => f.path).join(', ')}`);
  return found;
}

describe('byte fidelity', () => {
  it('enc-eol-preserve / enc-bom-prepend: keeps CRLF and the BOM of a changed file', async () => {
    write('crlf-bom.js', '\ufeff// header\r\nconst a = oldName(1);\r\nmodule.exports = a;\r\n');
    const result = await runWith([renameCalls]);
    const r = fileResult(result, 'crlf-bom.js');
    expect(r.status).toBe('changed');
    expect(r.after?.toString('utf8')).toBe('\ufeff// header\r\nconst a = newName(1);\r\nmodule.exports = a;\r\n');
  });

  it('enc-eol-untouched-files: lines a transform did not touch keep their own line endings in a mixed file', async () => {
    write('mixed.js', 'const x = 1;\r\nconst y = oldName(2);\nconst z = 3;\r\n');
    const r = fileResult(await runWith([renameCalls]), 'mixed.js');
    expect(r.after?.toString('utf8')).toBe('const x = 1;\r\nconst y = newName(2);\nconst z = 3;\r\n');
  });

  it('sem-printer-drift: regions a transform did not touch are not re-flowed by the printer', async () => {
    const source = [
      'function isDefinition(holder: Holder): boolean {',
      '  const call = holder.parent;',
      '  return (',
      '    isCall(call) &&',
      '    isAccess(call.expression) &&',
      '    /^define(Property|Properties)$/.test(call.expression.name.text)',
      '  );',
      '}',
      'oldName(isDefinition(h));',
      '',
    ].join('\n');
    write('drift.ts', source);
    const r = fileResult(await runWith([renameCalls]), 'drift.ts');
    expect(r.after?.toString('utf8')).toBe(source.replace('oldName', 'newName'));
  });

  it("sem-directive-prologue: a transform that edits the top level keeps 'use strict' and its header comment as written", async () => {
    const dropFirstRequire: Transform = {
      meta: { name: 'drop-first-require', description: 'test', options: {}, diagnostics: {} },
      prefilter: (source) => source.includes('require'),
      apply(root, { j }) {
        findNodes(root, j.VariableDeclaration).at(0).remove();
        return true;
      },
    };
    write('strict.js', "/** Header. */\n'use strict';\n\nconst a = require('a');\nconst b = require('b');\n\nb();\n");
    const r = fileResult(await runWith([dropFirstRequire]), 'strict.js');
    expect(r.after?.toString('utf8')).toBe("/** Header. */\n'use strict';\n\nconst b = require('b');\n\nb();\n");
  });

  it('patch-no-final-newline: a file without a final newline still has none', async () => {
    write('tail.ts', 'export const v: number = oldName(3);');
    const r = fileResult(await runWith([renameCalls]), 'tail.ts');
    expect(r.after?.toString('utf8')).toBe('export const v: number = newName(3);');
  });

  it('keeps the file mode in the result', async () => {
    write('bin.js', '#!/usr/bin/env node\noldName();\n', 0o755);
    const r = fileResult(await runWith([renameCalls]), 'bin.js');
    expect(r.status).toBe('changed');
    expect(r.mode).toBe(0o755);
    expect(r.after?.toString('utf8')).toBe('#!/usr/bin/env node\nnewName();\n');
  });

  it('enc-non-utf8-untouched: a file that is not UTF-8 is skipped with a reason and never changed', async () => {
    write(
      'latin1.js',
      Buffer.from([0x2f, 0x2f, 0x20, 0xe9, 0x0a, 0x6f, 0x6c, 0x64, 0x4e, 0x61, 0x6d, 0x65, 0x28, 0x29, 0x0a]),
    );
    const r = fileResult(await runWith([renameCalls]), 'latin1.js');
    expect(r.status).toBe('skipped');
    expect(r.reason).toBe('not valid UTF-8');
    expect(r.after).toBeUndefined();
  });

  it('skips minified code', async () => {
    write('bundle.js', `var a=oldName(1);${'b+=1;c(b,"x");'.repeat(1000)}\n`);
    const r = fileResult(await runWith([renameCalls]), 'bundle.js');
    expect(r).toMatchObject({ status: 'skipped', reason: 'minified code' });
  });

  it('does not take a hand-written file with a long string or a long data line for minified code', async () => {
    // instagram-private-api's constants.ts: one 30 kB string constant; get-taiwan-poi: long literal lines
    write('constants.ts', `export const EXPERIMENTS =\n  '${'ig_android_feature_x,'.repeat(1500)}';\noldName();\n`);
    write('data.js', `const rows = [${'[1, 2, "a"], '.repeat(800)}];\noldName(rows);\n`);
    const result = await runWith([renameCalls]);
    expect(fileResult(result, 'constants.ts').status).toBe('changed');
    expect(fileResult(result, 'data.js').status).toBe('changed');
  });
});

describe('failure isolation', () => {
  it('syn-parse-failure-reported: a file that does not parse fails with its location; the others go on', async () => {
    write('broken.js', 'const ok = 1;\nconst = oldName(;\n');
    write('fine.js', 'oldName();\n');
    const result = await runWith([renameCalls]);
    const broken = fileResult(result, 'broken.js');
    expect(broken.status).toBe('failed');
    expect(broken.error).toMatchObject({ line: 2, column: 7 });
    expect(broken.error?.message).toMatch(/^cannot parse: Unexpected token/);
    expect(broken.after).toBeUndefined();
    expect(fileResult(result, 'fine.js').status).toBe('changed');
  });

  it('rep-structured-results: a transform that throws fails that file only, with the transform error', async () => {
    write('explode.js', 'explode();\n');
    write('calm.js', 'oldName();\n');
    const result = await runWith([throwOnExplode, renameCalls]);
    expect(fileResult(result, 'explode.js')).toMatchObject({
      status: 'failed',
      error: { message: 'transform error: boom' },
    });
    expect(fileResult(result, 'calm.js').status).toBe('changed');
  });

  it('rep-counts-sum: changed + unchanged + skipped + failed = files discovered', async () => {
    write('a.js', 'oldName();\n');
    write('b.js', 'other();\n');
    write('c.js', 'const = ;oldName\n');
    write('d.js', Buffer.from([0xff, 0xfe, 0x41, 0x00]));
    const result = await runWith([renameCalls]);
    const counts = { changed: 0, unchanged: 0, skipped: 0, failed: 0 };
    for (const f of result.files) counts[f.status] += 1;
    expect(counts).toEqual({ changed: 1, unchanged: 1, skipped: 1, failed: 1 });
    expect(result.stats.discovered).toBe(4);
  });
});

describe('prefilter', () => {
  it('never parses a file that no transform can change', async () => {
    write('a.js', 'oldName();\n');
    write('b.js', 'const = not even valid javascript (\n');
    const result = await runWith([renameCalls]);
    expect(result.stats.parsed).toBe(1);
    expect(result.stats.prefiltered).toBe(1);
    expect(fileResult(result, 'b.js').status).toBe('unchanged');
  });
});

describe('diagnostics', () => {
  it('carry file, line and column', async () => {
    write('src/a.ts', 'const x = 1;\n  oldName(x);\n');
    const result = await runWith([renameCalls]);
    expect(result.diagnostics.filter((d) => d.code === 'RENAMED')).toEqual([
      {
        code: 'RENAMED',
        severity: 'info',
        message: 'renamed oldName to newName',
        file: 'src/a.ts',
        line: 2,
        column: 3,
      },
    ]);
  });
});

describe('leftovers in skipped files', () => {
  it('a file too large to migrate that loads a primitive is a leftover that names the flag to include it', async () => {
    write('big.js', `const request = require('sync-request');\n${'// padding\n'.repeat(300)}`);
    write('minified.js', `var r=require("sync-fetch");${'b+=1;c(b,"x");'.repeat(150)}\n`);
    const result = await run({ paths: ['.'], cwd: dir, transforms: [renameCalls], options: { maxFileSize: 3000 } });
    expect(result.leftovers.map((l) => [l.file, l.primitive, l.line, l.column])).toEqual([
      ['big.js', 'sync-request', 1, 26],
      ['minified.js', 'sync-fetch', 1, 16],
    ]);
    expect(result.leftovers[0].reason).toMatch(/larger than --max-file-size \(3000 bytes\).*--max-file-size 4kb/);
    expect(result.leftovers[1].reason).toMatch(/minified code/);
    expect(fileResult(result, 'big.js').diagnostics.map((d) => d.code)).toEqual(['SYNC_PRIMITIVE_LEFT']);
  });
});

describe('--node', () => {
  it('chooses the undici major in place of an engines.node too old for any, and is echoed', async () => {
    write(
      'package.json',
      '{\n  "engines": { "node": ">=8.0.0" },\n  "dependencies": { "sync-request": "^6.1.0" }\n}\n',
    );
    write(
      'get.js',
      "const request = require('sync-request');\nmodule.exports = (url) => request('GET', url).statusCode;\n",
    );
    const selected = selectTransforms(['sync-http-to-undici']);
    const asDeclared = await run({ paths: ['.'], cwd: dir, ...selected });
    expect(fileResult(asDeclared, 'get.js').status).toBe('unchanged');
    expect(asDeclared.diagnostics.map((d) => d.code)).toContain('UNDICI_NODE_UNSUPPORTED');
    expect(asDeclared.diagnostics.find((d) => d.code === 'UNDICI_NODE_UNSUPPORTED')?.message).toContain('--node');
    const targeted = await run({ paths: ['.'], cwd: dir, ...selected, options: { node: '22' } });
    expect(fileResult(targeted, 'get.js').after?.toString('utf8')).toContain("require('undici')");
    expect(
      JSON.parse(fileResult(targeted, 'package.json').after?.toString('utf8') ?? '{}').dependencies.undici,
    ).toMatch(/^\^7\./);
    expect(targeted.options.engine.node).toBe('22');
  });
});

describe('leftovers in type declaration files', () => {
  it('a declaration file that imports a primitive is listed as skipped and its leftover said; others are not', async () => {
    write(
      'index.d.ts',
      "import * as request from 'request';\nexport declare function get(url: string): request.Request;\n",
    );
    write('types.d.ts', 'export declare const x: number;\n');
    write('index.js', 'module.exports = 1;\n');
    const result = await run({ paths: ['.'], cwd: dir, transforms: [renameCalls] });
    expect(result.files.map((f) => [f.path, f.status])).toEqual([
      ['index.d.ts', 'skipped'],
      ['index.js', 'unchanged'],
    ]);
    expect(result.leftovers.map((l) => [l.file, l.primitive, l.line, l.column])).toEqual([
      ['index.d.ts', 'request', 1, 27],
    ]);
    expect(result.leftovers[0]?.reason).toMatch(/^a type declaration file: nothing in it runs/);
  });
});

describe('package.json', () => {
  it('adds a requested dependency and removes one no file refers to, keeping the formatting', async () => {
    write(
      'package.json',
      '{\r\n    "name": "x",\r\n    "dependencies": {\r\n        "old-lib": "^2.0.0",\r\n        "zeta": "1"\r\n    }\r\n}\r\n',
    );
    write('src/a.js', 'oldName();\n');
    const result = await runWith([renameCalls]);
    const pkg = fileResult(result, 'package.json');
    expect(pkg.status).toBe('changed');
    const after = pkg.after?.toString('utf8') ?? '';
    expect(JSON.parse(after).dependencies).toEqual({ 'new-lib': '^1.0.0', zeta: '1' });
    expect(after).toContain('\r\n        "new-lib": "^1.0.0",\r\n');
  });

  it('keeps a dependency that another file of the run still loads', async () => {
    write('package.json', '{\n  "dependencies": {\n    "old-lib": "^2.0.0"\n  }\n}\n');
    write('src/a.js', 'oldName();\n');
    write('src/b.js', "const lib = require('old-lib');\n");
    const result = await runWith([renameCalls]);
    const pkg = fileResult(result, 'package.json');
    expect(JSON.parse(pkg.after?.toString('utf8') ?? '').dependencies).toEqual({
      'new-lib': '^1.0.0',
      'old-lib': '^2.0.0',
    });
    expect(fileResult(result, 'src/b.js').diagnostics.map((d) => [d.code, d.message])).toEqual([
      [
        'DEPENDENCY_KEPT',
        'old-lib stays in package.json: this file still loads it (the migration converted other uses)',
      ],
    ]);
  });

  it('removes a dependency that only a comment still names', async () => {
    write('package.json', '{\n  "dependencies": {\n    "old-lib": "^2.0.0"\n  }\n}\n');
    write('src/a.js', "// was: const lib = require('old-lib');\noldName();\n");
    write('src/b.js', "/* import lib from 'old-lib' */\nconst url = 'http://example.com';\n");
    const pkg = fileResult(await runWith([renameCalls]), 'package.json');
    expect(JSON.parse(pkg.after?.toString('utf8') ?? '').dependencies).toEqual({ 'new-lib': '^1.0.0' });
  });

  it('says what to install when no package.json declares the dependencies of the migrated code', async () => {
    write('src/a.js', 'oldName();\n');
    const result = await runWith([renameCalls]);
    expect(result.files.map((f) => f.path)).toEqual(['src/a.js']);
    expect(result.diagnostics.find((d) => d.code === 'DEPENDENCY_NOT_DECLARED')).toMatchObject({
      file: 'src/a.js',
      message: expect.stringContaining('npm install new-lib@^1.0.0'),
    });
  });

  it('edits the package.json of the git work tree above the folder the run was started in', async () => {
    execFileSync('git', ['init', '-q'], { cwd: dir });
    write('package.json', '{\n  "name": "x"\n}\n');
    write('src/a.js', 'oldName();\n');
    const result = await run({ paths: ['.'], cwd: join(dir, 'src'), transforms: [renameCalls] });
    const pkg = fileResult(result, '../package.json');
    expect(JSON.parse(pkg.after?.toString('utf8') ?? '').dependencies).toEqual({ 'new-lib': '^1.0.0' });
  });

  it('does not remove a dependency when the run covers only part of the package', async () => {
    write('package.json', '{\n  "dependencies": {\n    "old-lib": "^2.0.0"\n  }\n}\n');
    write('src/a.js', 'oldName();\n');
    const pkg = fileResult(await runWith([renameCalls], ['src']), 'package.json');
    expect(JSON.parse(pkg.after?.toString('utf8') ?? '').dependencies).toEqual({
      'new-lib': '^1.0.0',
      'old-lib': '^2.0.0',
    });
  });
});

describe('no-op round trip (T1)', () => {
  it('reprinting every file of this repository and its fixtures without an AST change gives back the original bytes', async () => {
    const repo = join(__dirname, '..');
    const result = await run({ paths: ['.'], cwd: repo, transforms: [touchEverything] });
    const parsed = result.files.filter((f) => f.status !== 'skipped');
    expect(parsed.length).toBeGreaterThan(20);
    expect(result.files.filter((f) => f.status === 'changed' || f.status === 'failed').map((f) => f.path)).toEqual([]);
  });
});

describe('parses per run', () => {
  it('an --async run parses each file the plan edits once and no other file', async () => {
    write('db.js', 'async function query(sql) { return sql; }\nmodule.exports = { query };\n');
    write(
      'repo.js',
      "const { query } = require('./db');\nfunction count() { return query('x').length; }\nmodule.exports = { count };\n",
    );
    write(
      'app.js',
      "const { count } = require('./repo');\nfunction main() { console.log(count()); }\nmodule.exports = { main };\n",
    );
    write('other.js', 'function unrelated() { return 1; }\nmodule.exports = { unrelated };\n');
    const selected = selectTransforms(['propagate-async']);
    const result = await run({
      paths: ['.'],
      cwd: dir,
      transforms: selected.transforms,
      projectTransform: selected.projectTransform,
      transformOptions: { 'propagate-async': { async: ['db.js#query'] } },
    });
    expect(result.files.filter((f) => f.status === 'changed').map((f) => f.path)).toEqual(['app.js', 'repo.js']);
    expect(result.stats.parses).toBe(2);
  });

  it('the per-file phase parses each file a prefilter matches once, and no other', async () => {
    write('a.js', 'oldName();\n');
    write('b.js', 'oldName();\nfunction keep() {}\n');
    write('c.js', 'newName();\n');
    const result = await runWith([renameCalls]);
    expect(result.stats.parses).toBe(2);
  });
});
