/**
 * analysis (planAsync) on small in-memory projects: which files it loads, how calls resolve
 * (by the checker, not by name), where chains stop, and that the plan does not depend on file order.
 */
import type { AsyncFunction, ConversionId } from '../core/async-function';
import { planAsync } from '../analysis/plan-async';
import type { AnalysisOptions, AsyncPlan, PlannedPosition } from '../analysis/types';

const cwd = '/project';

const noOptions: AnalysisOptions = { async: [], markBoundaries: false, parallelMap: false };

function plan(
  files: Record<string, string>,
  input: { starts?: AsyncFunction[] } & Partial<AnalysisOptions> = {},
): AsyncPlan {
  const sources = new Map(Object.entries(files).map(([path, text]) => [`${cwd}/${path}`, text]));
  const { starts = [], ...options } = input;
  return planAsync({ cwd, sources, starts, options: { ...noOptions, ...options } });
}

/** A conversion id of the per-file transform sync-http-to-undici at `start` in `file`. */
function conversionAt(file: string, start: number): ConversionId {
  return { file: `${cwd}/${file}`, transform: 'sync-http-to-undici', start };
}

/**
 * The source text each planned position names (plans speak in offsets of the text they were given): the
 * node's text for a range, the rest of the line from a start.
 */
function textsAt(source: string, positions: readonly PlannedPosition[] | undefined): string[] {
  return (positions ?? []).map((p) =>
    p.end === undefined ? source.slice(p.start).split('\n')[0] : source.slice(p.start, p.end),
  );
}

function madeAsyncNames(result: AsyncPlan): string[] {
  return result.madeAsync.map((m) => `${m.file.slice(cwd.length + 1)}#${m.name}`).sort();
}

function withoutStats(result: AsyncPlan): Omit<AsyncPlan, 'stats'> {
  const { stats: _stats, ...rest } = result;
  return rest;
}

const chain = {
  'db.js': 'async function query() { return 1; }\nmodule.exports = { query };\n',
  'repo.js': "const db = require('./db');\nfunction count() { return db.query() + 1; }\nmodule.exports = { count };\n",
  'unrelated.js':
    "const other = require('./other');\nfunction query() { return other.x(); }\nmodule.exports = { query };\n",
  'other.js': 'exports.x = function () { return 2; };\n',
};

describe('planAsync', () => {
  it('loads only the files that can reach a starting point', () => {
    const result = plan(chain, { async: ['db.js#query'] });
    expect(madeAsyncNames(result)).toEqual(['repo.js#count']);
    expect(result.stats?.filesGiven).toBe(4);
    expect(result.stats?.filesLoaded).toBe(2);
  });

  it('marks functions exported through module.exports and exports.x as API changes', () => {
    const files = {
      ...chain,
      'api.js': [
        "const db = require('./db');",
        'function viaShorthand() { return db.query(); }',
        'function viaProperty() { return db.query(); }',
        'function internal() { return db.query(); }',
        'module.exports = { viaShorthand, renamed: viaProperty };',
        'exports.direct = function () { return internal(); };',
        '',
      ].join('\n'),
    };
    const result = plan(files, { async: ['db.js#query'] });
    const exported = result.madeAsync
      .filter((m) => m.exported && m.file.endsWith('api.js'))
      .map((m) => m.line)
      .sort();
    const internal = result.madeAsync.find((m) => m.name === 'internal');
    expect(exported).toEqual([2, 3, 6]);
    expect(internal?.exported).toBe(false);
  });

  it('gives the same plan whatever order the files come in', () => {
    const reversed = Object.fromEntries(Object.entries(chain).reverse());
    const a = plan(chain, { async: ['db.js#query'] });
    const b = plan(reversed, { async: ['db.js#query'] });
    expect(withoutStats(b)).toEqual(withoutStats(a));
  });

  it('does not confuse two unrelated functions with the same name', () => {
    const files = {
      ...chain,
      'main.js':
        "const { query } = require('./unrelated');\nconst { count } = require('./repo');\nfunction a() { return query(); }\nfunction b() { return count(); }\nmodule.exports = { a, b };\n",
    };
    const result = plan(files, { async: ['db.js#query'] });
    expect(madeAsyncNames(result)).toEqual(['main.js#b', 'repo.js#count']);
  });

  it('follows this.m(), default exports and renamed imports', () => {
    const result = plan(
      {
        'fetch.ts': 'export default async function load(): Promise<number> { return 1; }\n',
        'client.ts':
          "import get from './fetch';\nexport class Client {\n  read(): number { return get(); }\n  twice(): number { return this.read() * 2; }\n}\n",
      },
      { async: ['fetch.ts#load'] },
    );
    expect(madeAsyncNames(result)).toEqual(['client.ts#Client.read', 'client.ts#Client.twice']);
    expect(result.madeAsync.every((m) => m.exported)).toBe(true);
  });

  it('makes a base method and its override async together', () => {
    const result = plan(
      {
        'io.ts': 'export async function readDisk(): Promise<string> { return "x"; }\n',
        'shapes.ts':
          "import { readDisk } from './io';\nexport class Base { name(): string { return 'base'; } }\nexport class Disk extends Base { override name(): string { return readDisk(); } }\nexport function show(b: Base): string { return b.name(); }\n",
      },
      { async: ['io.ts#readDisk'] },
    );
    expect(madeAsyncNames(result)).toEqual(['shapes.ts#Base.name', 'shapes.ts#Disk.name', 'shapes.ts#show']);
  });

  it('finds a per-file start by its name after its lines moved, and names its conversions at a boundary', () => {
    const start: AsyncFunction = {
      file: `${cwd}/api.js`,
      name: 'getUser',
      line: 40,
      column: 1,
      reason: 'awaits undici.request',
      conversions: [conversionAt('api.js', 900)],
      exported: false,
    };
    const result = plan(
      {
        'api.js': "async function getUser() { return 'u'; }\nmodule.exports = { getUser };\n",
        'model.js':
          "const { getUser } = require('./api');\nclass Model {\n  constructor() {\n    this.user = getUser();\n  }\n}\nmodule.exports = { Model };\n",
      },
      { starts: [start] },
    );
    expect(result.madeAsync).toEqual([]);
    expect(result.files[`${cwd}/model.js`]?.awaitCalls ?? []).toEqual([]);
    expect(result.boundaries.map(({ chain, skip }) => ({ chain, skip }))).toEqual([
      { chain: ['getUser (api.js:1:1)', 'a constructor (model.js:4:17)'], skip: start.conversions },
    ]);
    expect(result.boundaries[0].diagnostic?.code).toBe('ASYNC_BOUNDARY');
    expect(result.diagnostics.map((d) => [d.code, d.line, d.column])).toEqual([['ASYNC_BOUNDARY', 4, 17]]);
  });

  it('converts a clean chain even when another start reaches a boundary', () => {
    const result = plan(
      {
        'a.js': 'async function a() { return 1; }\nasync function b() { return 2; }\nmodule.exports = { a, b };\n',
        'use.js':
          "const { a, b } = require('./a');\nfunction useA() { return a() + 1; }\nclass K { get v() { return b(); } }\nmodule.exports = { useA, K };\n",
      },
      { async: ['a.js#a', 'a.js#b'] },
    );
    expect(madeAsyncNames(result)).toEqual(['use.js#useA']);
    expect(result.boundaries).toHaveLength(1);
  });

  it('uses top-level await in an ES module and stops at a CommonJS library top level', () => {
    const main = "import { f } from './lib.mjs';\nconsole.log(f());\n";
    const esm = plan(
      { 'lib.mjs': 'export async function f() { return 1; }\n', 'main.mjs': main },
      { async: ['lib.mjs#f'] },
    );
    expect(textsAt(main, esm.files[`${cwd}/main.mjs`]?.awaitCalls)).toEqual(['f()']);
    const cjs = plan(
      { 'lib.js': 'async function f() { return 1; }\nmodule.exports = { f, value: f() + 1 };\n' },
      { async: ['lib.js#f'] },
    );
    expect(cjs.boundaries.map((b) => b.chain.at(-1))).toEqual([expect.stringContaining("CommonJS module's top level")]);
  });

  it('starts from a method named with --async file#Class.method', () => {
    const use = "import { Db } from './db';\nexport function size(db: Db): number { return db.query('x') * 2; }\n";
    const result = plan(
      {
        'db.ts': 'export class Db {\n  async query(sql: string): Promise<number> { return sql.length; }\n}\n',
        'use.ts': use,
      },
      { async: ['db.ts#Db.query'] },
    );
    expect(madeAsyncNames(result)).toEqual(['use.ts#size']);
    expect(textsAt(use, result.files[`${cwd}/use.ts`]?.awaitCalls)).toEqual(["db.query('x')"]);
  });

  it('lists a call once when it can reach two async functions (a union receiver)', () => {
    const result = plan(
      {
        'ab.ts':
          'export class A { async get(): Promise<number> { return 1; } }\nexport class B { async get(): Promise<number> { return 2; } }\nexport function read(x: A | B): number { return x.get() + 1; }\n',
      },
      { async: ['ab.ts#A.get', 'ab.ts#B.get'] },
    );
    expect(result.files[`${cwd}/ab.ts`]?.awaitCalls).toHaveLength(1);
    expect(madeAsyncNames(result)).toEqual(['ab.ts#read']);
  });

  it('stops at methods the language calls synchronously and at overrides of library members', () => {
    const result = plan(
      {
        'load.js':
          'async function load(k) { return 1; }\nasync function label() { return "x"; }\nmodule.exports = { load, label };\n',
        'types.js':
          "const { load, label } = require('./load');\nclass Lazy extends Map {\n  get(key) { return load(key); }\n}\nclass Money {\n  toString() { return label(); }\n}\nmodule.exports = { Lazy, Money };\n",
      },
      { async: ['load.js#load', 'load.js#label'] },
    );
    expect(result.madeAsync).toEqual([]);
    expect(result.boundaries.map((b) => b.chain.at(-1)).sort()).toEqual([
      expect.stringContaining('`toString`, which the language calls synchronously'),
      expect.stringContaining('an override of `Map.get`'),
    ]);
  });

  it('stops at a require extension hook', () => {
    const result = plan(
      {
        'compile.js':
          "async function compile(src) { return src; }\nrequire.extensions['.txt'] = function (module, filename) {\n  module.exports = compile(filename);\n};\nmodule.exports = { compile };\n",
      },
      { async: ['compile.js#compile'] },
    );
    expect(result.madeAsync).toEqual([]);
    expect(result.boundaries.map((b) => b.chain.at(-1))).toEqual([expect.stringContaining('`require` extension hook')]);
  });

  it('reports an --async name the file does not declare', () => {
    const result = plan(chain, { async: ['db.js#nope'] });
    expect(result.diagnostics.map((d) => d.code)).toEqual(['ASYNC_NAME_NOT_FOUND']);
  });
});

describe('planAsync with types that describe functions', () => {
  it('gives an interface member filled in by an object literal a Promise type, and awaits calls through it', () => {
    const store =
      "import { read } from './io';\nexport interface Store { get(): string }\nexport const store: Store = {\n  get() { return read(); },\n};\nexport function show(s: Store): string { return s.get().trim(); }\n";
    const result = plan(
      { 'io.ts': 'export async function read(): Promise<string> { return "x"; }\n', 'store.ts': store },
      { async: ['io.ts#read'] },
    );
    expect(madeAsyncNames(result)).toEqual(['store.ts#show', 'store.ts#store.get']);
    expect(textsAt(store, result.files[`${cwd}/store.ts`]?.signatures)).toEqual(['get(): string }']);
  });

  it('reports a named type that describes a function made async (it may describe others too)', () => {
    const result = plan(
      {
        'io.ts': 'export async function read(): Promise<string> { return "x"; }\n',
        'use.ts':
          "import { read } from './io';\ntype Reader = () => string;\nexport const reader: Reader = () => read();\n",
      },
      { async: ['io.ts#read'] },
    );
    expect(result.diagnostics.map((d) => [d.code, d.line, d.column])).toEqual([['ASYNC_TYPE_NOT_UPDATED', 3, 22]]);
  });

  it('changes the function type of a typed variable and the overload signatures of a function', () => {
    const use =
      "import { read } from './io';\nexport const upper: (s: string) => string = (s) => read() + s;\nexport function pick(a: string): string;\nexport function pick(a: number): string;\nexport function pick(a: unknown): string { return read() + String(a); }\n";
    const result = plan(
      { 'io.ts': 'export async function read(): Promise<string> { return "x"; }\n', 'use.ts': use },
      { async: ['io.ts#read'] },
    );
    expect(madeAsyncNames(result)).toEqual(['use.ts#pick', 'use.ts#upper']);
    expect(textsAt(use, result.files[`${cwd}/use.ts`]?.signatures)).toEqual([
      '(s: string) => string = (s) => read() + s;',
      'function pick(a: string): string;',
      'function pick(a: number): string;',
    ]);
  });
});

describe('planAsync when the analysis fails', () => {
  it('leaves every starting point out and says why, instead of failing the run', () => {
    const start: AsyncFunction = {
      file: `${cwd}/a.js`,
      name: 'a',
      line: 1,
      column: 1,
      reason: 'r',
      conversions: [conversionAt('a.js', 0)],
      exported: false,
    };
    // a source map whose iteration throws stands in for any unexpected failure inside the analysis
    const sources = new Map([[`${cwd}/a.js`, 'async function a() {}\n']]);
    sources[Symbol.iterator] = () => {
      throw new Error('boom');
    };
    const result = planAsync({ cwd, sources, starts: [start], options: noOptions });
    expect(result.diagnostics.map((d) => d.code)).toEqual(['ASYNC_ANALYSIS_FAILED']);
    expect(result.boundaries[0].skip).toEqual(start.conversions);
    expect(result.files).toEqual({});
  });
});

describe('planAsync from a start that is itself a callback', () => {
  const startAt = (file: string, line: number, column: number): AsyncFunction => ({
    file: `${cwd}/${file}`,
    name: null,
    line,
    column,
    reason: 'awaits undici.request',
    conversions: [conversionAt(file, line * 1000 + column)],
    exported: false,
  });

  it('turns the map whose callback became async into a loop that awaits each item, the map itself not awaited', () => {
    const list =
      'function sizes(urls) {\n  return urls.map(async (url) => (await get(url)).length).length;\n}\nmodule.exports = { sizes };\n';
    const result = plan({ 'list.js': list }, { starts: [startAt('list.js', 2, 19)] });
    const rewrites = result.files[`${cwd}/list.js`]?.callbackRewrites;
    expect(rewrites?.map((r) => r.kind)).toEqual(['map-loop']);
    expect(textsAt(list, rewrites)).toEqual(['urls.map(async (url) => (await get(url)).length)']);
    expect(result.files[`${cwd}/list.js`]?.awaitCalls).toEqual([]);
    // the callback becomes the loop's body, so only the function holding the loop is made async
    expect(madeAsyncNames(result)).toEqual(['list.js#sizes']);
  });

  it('drops the conversion of a setTimeout callback (the timer ignores the promise)', () => {
    const result = plan(
      { 'tick.js': 'setTimeout(async () => {\n  console.log(await get());\n}, 10);\n' },
      { starts: [startAt('tick.js', 1, 12)] },
    );
    expect(result.boundaries.map((b) => b.skip)).toEqual([[conversionAt('tick.js', 1012)]]);
    expect(result.files).toEqual({});
  });
});
