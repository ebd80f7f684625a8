/**
 * sync-http-to-undici beyond the fixtures: what it tells the engine (newly async functions with their
 * conversion ids, dependency requests per engines.node), calls the engine asks to leave alone, the
 * standalone jscodeshift entry, idempotence on the example project, and TypeScript output checked by
 * the real compiler against undici's own types.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { conversionKeyAt, describeConversions } from './support/conversions';
import { join } from 'node:path';
import jscodeshift from 'jscodeshift';
import ts from 'typescript';
import { createProgram } from './support/propagate-checks';
import { transformFile } from '../engine/transform-file';
import transformDefault, { syncHttpToUndici } from '../transforms/sync-http-to-undici';
import { chooseUndiciRange } from '../transforms/shared/undici-support';

const projectRoot = join(__dirname, '..');

function migrate(
  file: string,
  text: string,
  extra: { nodeEngines?: string | null; skipped?: Set<string>; ranges?: Record<string, string> } = {},
) {
  return transformFile({
    file,
    text,
    transforms: [syncHttpToUndici],
    nodeEngines: extra.nodeEngines ?? null,
    dependencyRanges: extra.ranges ?? null,
    skipped: extra.skipped,
  });
}

const twoCalls = `const request = require('sync-request');

function first(url) {
  return request('GET', url).getBody('utf8');
}

async function second(url) {
  const res = request('GET', url);
  return res.statusCode;
}
`;

describe('sync-http-to-undici: reports to the engine', () => {
  it('reports each function it made async with the conversion that forced it, not one that was async already', () => {
    const out = migrate('two.js', twoCalls);
    expect(
      out.madeAsync.map((n) => ({ name: n.name, line: n.line, ids: describeConversions(twoCalls, n.conversions) })),
    ).toEqual([{ name: 'first', line: 3, ids: ['sync-http-to-undici:4:10'] }]);
    expect(out.text).toContain('async function first(url)');
  });

  it('leaves a call the engine marked as skipped exactly as it was, and keeps its import', () => {
    const out = migrate('two.js', twoCalls, {
      skipped: new Set([conversionKeyAt('two.js', twoCalls, 'sync-http-to-undici:4:10')]),
    });
    expect(out.text).toContain("const request = require('sync-request');");
    expect(out.text).toContain("function first(url) {\n  return request('GET', url).getBody('utf8');\n}");
    expect(out.text).toContain("const { request: request2, getGlobalDispatcher, interceptors } = require('undici');");
    expect(out.text).toContain('const res = await request2(url, { dispatcher: followRedirects });');
  });

  it('asks for undici in a range that installs on the lowest Node the project admits, and for qs when it is used', () => {
    const source =
      "const request = require('sync-request');\nasync function f(u) { return request('GET', `${u}/x`, { qs: { a: 1 } }).statusCode; }\n";
    expect(migrate('a.js', source, { nodeEngines: '>=18.17 <21' }).dependencies).toEqual([
      { name: 'sync-request', kind: 'remove-if-unused' },
      { name: 'qs', range: '^6.5.0', kind: 'add' },
      { name: 'undici', range: '^6.21.0', kind: 'add' },
    ]);
  });

  it('chooses the undici line from engines.node', () => {
    expect(chooseUndiciRange(null)).toBe('^7.16.0');
    expect(chooseUndiciRange('>=20.19')).toBe('^7.16.0');
    expect(chooseUndiciRange('^22.19.0 || ^24')).toBe('^7.16.0');
    expect(chooseUndiciRange('>=20.18.0')).toBe('^6.21.0');
    expect(chooseUndiciRange('18.17 - 22')).toBe('^6.21.0');
    expect(chooseUndiciRange('^18.17.0 || >=20')).toBe('^6.21.0');
    expect(chooseUndiciRange('>=16')).toBeNull();
    expect(chooseUndiciRange('*')).toBe('^7.16.0');
  });

  it('converts nothing when engines.node admits a Node without a usable undici, and says so', () => {
    const out = migrate('old.js', twoCalls, { nodeEngines: '>=14' });
    expect(out.text).toBe(twoCalls);
    expect(out.diagnostics.map((d) => [d.code, d.line, d.column])).toEqual([['UNDICI_NODE_UNSUPPORTED', 4, 10]]);
  });
});

describe('sync-http-to-undici: standalone and repeated runs', () => {
  it('runs under plain jscodeshift through the default export', () => {
    const reports: string[] = [];
    const api = { jscodeshift, j: jscodeshift, stats: () => undefined, report: (m: string) => reports.push(m) };
    const out = transformDefault({ path: 'two.js', source: twoCalls }, api, {});
    // plain jscodeshift prints new string literals with its default double quotes (no quote detection)
    expect(out?.replace('"undici"', "'undici'")).toBe(migrate('two.js', twoCalls).text);
    expect(reports).toEqual([]);
  });

  it.each(['src/http/client.js', 'src/catalog.mjs', 'src/report.ts'])(
    'converts examples/legacy-service/%s and changes nothing on a second run',
    (file) => {
      const text = readFileSync(join(projectRoot, 'examples', 'legacy-service', file), 'utf8');
      const once = migrate(file, text, { nodeEngines: '>=20.18.1' });
      expect(once.text).not.toBe(text);
      expect(once.text).not.toMatch(/sync-(request|fetch)/);
      const twice = migrate(file, once.text, { nodeEngines: '>=20.18.1' });
      expect(twice.text).toBe(once.text);
      expect(twice.diagnostics).toEqual([]);
    },
  );

  it('converts examples/legacy-service/src/http/catalog-admin.js, its retried GET included, twice the same', () => {
    const file = 'src/http/catalog-admin.js';
    const text = readFileSync(join(projectRoot, 'examples', 'legacy-service', file), 'utf8');
    const once = migrate(file, text, { nodeEngines: '>=20.18.1' });
    expect(once.text).toContain('async function getStock(sku)');
    expect(once.text).toContain('const res = await requestWithRetries(url, { dispatcher: followRedirects }, 3, 200);');
    expect(once.text).not.toContain("require('sync-request')");
    expect(once.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    const twice = migrate(file, once.text, { nodeEngines: '>=20.18.1' });
    expect(twice.text).toBe(once.text);
  });
});

describe('sync-http-to-undici: a TypeScript project that cannot compile undici', () => {
  const source = `import request from 'sync-request';\nexport const status = (u: string): number => request('GET', u).statusCode;\n`;
  it.each([
    [{ typescript: '^4.2.3' }, 'TypeScript (^4.2.3)'],
    [{ '@types/node': '^10.17.0', typescript: '^5.0.0' }, '@types/node ^10.17.0'],
  ])('leaves the file as it was with %j, and says which', (ranges, named) => {
    const out = migrate('a.ts', source, { ranges });
    expect(out.text).toBe(source);
    expect(out.diagnostics.map((d) => [d.code, d.line])).toEqual([['UNDICI_TYPES_UNSUPPORTED', 2]]);
    expect(out.diagnostics[0]?.message).toContain(named);
  });

  it('converts with TypeScript 4.7 or later, and JavaScript whatever the TypeScript', () => {
    expect(migrate('a.ts', source, { ranges: { typescript: '~4.7.4' } }).text).toContain("from 'undici'");
    const js = source.replace(': string', '').replace(': number', '');
    expect(migrate('a.js', js, { ranges: { typescript: '^4.2.3' } }).text).toContain("from 'undici'");
  });
});

const typedSource = `import request from 'sync-request';
import fetch from 'sync-fetch';

interface Item { id: number; name: string }

export function getItem(base: string, id: number): Item {
  return JSON.parse(request('GET', \`\${base}/items/\${id}\`, { qs: { full: true } }).getBody('utf8')) as Item;
}

export function saveItem(base: string, item: Item): { status: number; raw: Buffer } {
  const { statusCode, body } = request('PUT', base + '/items', { json: item, timeout: 1000 });
  return { status: statusCode, raw: body as Buffer };
}

export const failed = (url: string): boolean => request('GET', url).isError();

export function names(url: string): string[] {
  const res = fetch(url, { headers: { accept: 'application/json' } });
  return res.ok ? (res.json() as Item[]).map((i) => i.name) : [];
}
`;

describe('sync-http-to-undici: TypeScript output', () => {
  let dir: string;
  beforeAll(() => {
    mkdirSync(join(projectRoot, 'node_modules', '.cache'), { recursive: true });
    dir = mkdtempSync(join(projectRoot, 'node_modules', '.cache', 'awaitify-http-ts-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  function compile(files: Record<string, string>): string[] {
    const names = Object.entries(files).map(([name, text]) => {
      const file = join(dir, name);
      writeFileSync(file, text);
      return file;
    });
    const program = createProgram(names);
    return ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
  }

  it('compiles with the real compiler and undici types, with Promise<T> return types', () => {
    const fixture = readFileSync(
      join(projectRoot, '__testfixtures__', 'sync-http-to-undici', 'typescript-with-types.input.ts'),
      'utf8',
    );
    const migratedFixture = migrate('fixture.ts', fixture).text;
    const migratedTyped = migrate('typed.ts', typedSource).text;
    expect(migratedTyped).toContain('export async function getItem(base: string, id: number): Promise<Item> {');
    expect(migratedTyped).toContain(
      'export async function saveItem(base: string, item: Item): Promise<{ status: number; raw: Buffer }> {',
    );
    // the source compiled before (sync-fetch ships no types: declared here), so any error is the migration's
    const declarations =
      "declare module 'sync-fetch' { const fetch: (url: string, init?: object) => { ok: boolean; json(): unknown }; export default fetch; }\n";
    expect(compile({ 'sync-fetch.d.ts': declarations, 'before.ts': typedSource })).toEqual([]);
    expect(compile({ 'fixture.ts': migratedFixture, 'typed.ts': migratedTyped })).toEqual([]);
  });
});
