/**
 * unwrap-runners towards the engine: what it reports as newly async (with conversion ids the engine
 * can skip), what it asks of package.json, and its prefilter.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { conversionKeyAt, describeConversions } from './support/conversions';
import { unwrapRunners } from '../transforms/unwrap-runners';
import { runUnwrapRunners } from './support/runners-transform';

const sleeps = `const deasync = require('deasync');

function pause() {
  deasync.sleep(10);
}

function wait() {
  deasync.sleep(20);
}

module.exports = { pause, wait };
`;

describe('unwrap-runners contract', () => {
  it('reports each function that now awaits, with the conversion that forced it', () => {
    const result = runUnwrapRunners('jobs.js', sleeps);
    expect(result.madeAsync.map((n) => [n.name, n.line, describeConversions(sleeps, n.conversions)])).toEqual([
      ['pause', 3, ['unwrap-runners:4:3']],
      ['wait', 7, ['unwrap-runners:8:3']],
    ]);
    expect(result.dependencies).toEqual([{ name: 'deasync', kind: 'remove-if-unused' }]);
  });

  it('leaves a conversion the engine skips exactly as it was, and keeps the runner import it needs', () => {
    const result = runUnwrapRunners(
      'jobs.js',
      sleeps,
      { runner: [] },
      new Set([conversionKeyAt('jobs.js', sleeps, 'unwrap-runners:8:3')]),
    );
    expect(result.text).toContain('async function pause() {\n  await setTimeout(10);\n}');
    expect(result.text).toContain('function wait() {\n  deasync.sleep(20);\n}');
    expect(result.text).toContain("const deasync = require('deasync');");
    expect(result.madeAsync.map((n) => n.name)).toEqual(['pause']);
    expect(result.dependencies).toEqual([]);
  });

  it('passes the prefilter for user runners only when they are named', () => {
    const source = 'function f() { return runSync(load()); }\n';
    expect(unwrapRunners.prefilter(source, { runner: [] })).toBe(false);
    expect(unwrapRunners.prefilter(source, { runner: ['runSync'] })).toBe(true);
    expect(unwrapRunners.prefilter("const co = require('co');\n", { runner: [] })).toBe(true);
    expect(unwrapRunners.prefilter('const x = compose(a, b);\n', { runner: [] })).toBe(false);
  });

  it('does not report an already async function as newly async', () => {
    const result = runUnwrapRunners(
      'a.js',
      "const deasync = require('deasync');\nasync function f() {\n  deasync.sleep(1);\n}\n",
    );
    expect(result.text).toContain('await setTimeout(1)');
    expect(result.madeAsync).toEqual([]);
  });

  it('documents every diagnostic code its fixtures expect in meta.diagnostics', () => {
    const dir = join(__dirname, '..', '__testfixtures__', 'unwrap-runners');
    const codes = readdirSync(dir)
      .filter((f) => f.endsWith('.diagnostics.json'))
      .flatMap((f) => (JSON.parse(readFileSync(join(dir, f), 'utf8')) as { code: string }[]).map((d) => d.code));
    expect(codes.length).toBeGreaterThan(10);
    const documented = Object.keys(unwrapRunners.meta.diagnostics);
    expect([...new Set(codes)].filter((c) => !documented.includes(c))).toEqual([]);
  });
});
