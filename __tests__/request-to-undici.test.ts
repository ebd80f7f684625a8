/**
 * request-to-undici beyond the fixtures: the nock warning against the project's dependency ranges,
 * engines.node that keeps undici out, what it tells the engine (dependencies, functions made async), and
 * TypeScript output (every helper part) checked by the real compiler against undici's own types.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { transformFile } from '../engine/transform-file';
import { requestToUndici } from '../transforms/request-to-undici';
import { createProgram } from './support/propagate-checks';

const projectRoot = join(__dirname, '..');

function migrate(file: string, text: string, extra: { nodeEngines?: string; ranges?: Record<string, string> } = {}) {
  return transformFile({
    file,
    text,
    transforms: [requestToUndici],
    nodeEngines: extra.nodeEngines ?? null,
    dependencyRanges: extra.ranges ?? null,
  });
}

const nockTest = `const nock = require('nock');\nnock('https://x').get('/').reply(200);\n`;
const codes = (out: ReturnType<typeof migrate>) => out.diagnostics.map((d) => `${d.code} ${d.line}:${d.column}`);

describe('request-to-undici: the nock warning', () => {
  it('names the project nock, before 14 and from 14 alike (14 intercepts the global fetch, not undici.request)', () => {
    const out = migrate('t.js', nockTest, { ranges: { nock: '^10.0.6', request: '^2.88.0' } });
    expect(codes(out)).toEqual(['REQUEST_NOCK_NOT_INTERCEPTED 1:1']);
    expect(out.diagnostics[0].message).toContain("this project's nock (^10.0.6) does not intercept undici.request");
    const now = migrate('t.js', nockTest, { ranges: { nock: '^14.0.1', 'request-promise': '^4.2.0' } });
    expect(codes(now)).toEqual(['REQUEST_NOCK_NOT_INTERCEPTED 1:1']);
  });

  it('is quiet for a project without the request family, and where engines keep undici out', () => {
    expect(codes(migrate('t.js', nockTest, { ranges: { nock: '^13.0.0', axios: '^1.0.0' } }))).toEqual([]);
    const old = migrate('t.js', nockTest, { nodeEngines: '>=8', ranges: { nock: '^10.0.0', request: '^2.88.0' } });
    expect(codes(old)).toEqual([]);
  });

  it('warns when the versions are unknown (a file run alone)', () => {
    expect(codes(migrate('t.js', nockTest))).toEqual(['REQUEST_NOCK_NOT_INTERCEPTED 1:1']);
  });
});

describe('request-to-undici: what it tells the engine', () => {
  const source = `const request = require('request');\n\nfunction load(url) {\n  request({ url, qs: { a: 1 } }, (err, res) => {\n    console.log(err || res.statusCode);\n  });\n}\n`;

  it('converts nothing where engines.node admits a Node.js undici does not run on', () => {
    const out = migrate('a.js', source, { nodeEngines: '>=8' });
    expect(out.text).toBe(source);
    expect(codes(out)).toEqual(['UNDICI_NODE_UNSUPPORTED 4:3']);
  });

  it('adds undici (engines-aware) and qs, drops request when unused, and reports the function made async', () => {
    const out = migrate('a.js', source, { nodeEngines: '>=18.17 <21' });
    expect(out.dependencies).toEqual([
      { name: 'request', kind: 'remove-if-unused' },
      { name: 'undici', range: '^6.21.0', kind: 'add' },
      { name: 'qs', range: '^6.5.0', kind: 'add' },
    ]);
    expect(out.madeAsync.map((m) => [m.name, m.line])).toEqual([['load', 3]]);
    expect(out.text).toContain(
      'async function load(url) {\n  const [err, res] = await sendRequest({ url, qs: { a: 1 } })',
    );
  });
});

describe('request-to-undici: old @types/node', () => {
  it("leaves a TypeScript file as it was when @types/node cannot compile undici's declarations", () => {
    const source = `import * as rp from 'request-promise';\nexport const get = (u: string) => rp(u);\n`;
    const out = migrate('a.ts', source, { ranges: { '@types/node': '^10.14.5', 'request-promise': '^4.2.4' } });
    expect(out.text).toBe(source);
    expect(codes(out)).toEqual(['UNDICI_TYPES_UNSUPPORTED 2:35']);
    expect(migrate('a.ts', source, { ranges: { '@types/node': '^16.18.0' } }).text).toContain("from 'undici'");
    expect(migrate('a.js', source.replace(': string', ''), { ranges: { '@types/node': '^10.14.5' } }).text).not.toBe(
      source.replace(': string', ''),
    );
  });
});

describe('request-to-undici: TypeScript output', () => {
  let dir: string;
  beforeAll(() => {
    mkdirSync(join(projectRoot, 'node_modules', '.cache'), { recursive: true });
    dir = mkdtempSync(join(projectRoot, 'node_modules', '.cache', 'awaitify-request-ts-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('compiles under strict with every helper part (options built at runtime, defaults, callbacks)', () => {
    const source = `import * as request from 'request';
import * as rp from 'request-promise-native';

const api = rp.defaults({ baseUrl: 'https://x', json: true });
export const getA = (): Promise<unknown> => api.get('/a');
export function fetchAll(opts: Record<string, unknown>): Promise<unknown> {
  return rp('https://x/a', { ...opts, form: { a: 1 }, gzip: true, strictSSL: false, timeout: 5, encoding: null });
}
export function send(opts: object, done: (e: Error | null, status?: number) => void): void {
  request(opts, (err, res) => done(err, res && res.statusCode));
}
export const passOn = { request };
`;
    const out = migrate('a.ts', source);
    expect(out.text).not.toContain("from 'request");
    const file = join(dir, 'a.ts');
    writeFileSync(file, out.text);
    const errors = ts
      .getPreEmitDiagnostics(createProgram([file]))
      .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    expect(errors).toEqual([]);
  });
});
