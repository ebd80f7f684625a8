/**
 * Runs programs that use the real deasync, co and bluebird as written, as migrated by unwrap-runners
 * alone, and as migrated by a whole run (unwrap-runners, then propagate-async's analysis, which turns
 * co-yield helper calls on promises back into plain awaits) — three child processes, all scenarios
 * batched — and requires the same values, the same errors (class, message, code) and the same order
 * of logged side effects.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { runUnwrapRunners } from './support/runners-transform';
import { runPropagation } from './support/propagate-run';
import { driver, syncHelpers } from './support/runners-driver';
import { deasyncScenarios } from './support/runners-deasync-scenarios';
import { scenarios as otherScenarios } from './support/runners-scenarios';

const options = { runner: ['runSync'] };
const scenarios = [...otherScenarios, ...deasyncScenarios];
const repoModules = join(__dirname, '..', 'node_modules');

interface CallResult {
  call: string;
  logs: string[];
  value?: unknown;
  error?: { class: string; message: string; code?: string | number };
}

const migrated = scenarios.map((s) => ({ scenario: s, result: runUnwrapRunners(s.file, s.source, options) }));
let dir = '';
let original: CallResult[] = [];
let converted: CallResult[] = [];
let wholeRun: CallResult[] = [];
let wholeRunTexts: Record<string, string> = {};

async function runVariant(name: string, files: Record<string, string>): Promise<CallResult[]> {
  const variantDir = join(dir, name);
  mkdirSync(variantDir);
  const all = { 'sync-helpers.js': syncHelpers, 'driver.js': driver, ...files };
  for (const [file, text] of Object.entries(all)) writeFileSync(join(variantDir, file), text);
  // ES modules resolve packages through node_modules folders only (NODE_PATH is CommonJS-only)
  symlinkSync(repoModules, join(variantDir, 'node_modules'), 'dir');
  const plan = JSON.stringify(scenarios.map(({ file, calls }) => ({ file, calls })));
  const { stdout } = await promisify(execFile)(process.execPath, ['driver.js', plan], {
    cwd: variantDir,
    env: { ...process.env, NODE_PATH: repoModules, NODE_NO_WARNINGS: '1' },
    timeout: 30000,
  });
  return JSON.parse(stdout) as CallResult[];
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'awaitify-runners-'));
  const inputDir = join(dir, 'input');
  mkdirSync(inputDir);
  for (const s of scenarios) writeFileSync(join(inputDir, s.file), s.source);
  wholeRunTexts = (
    await runPropagation(inputDir, { transforms: ['unwrap-runners', 'propagate-async'], runner: options.runner })
  ).texts;
  [original, converted, wholeRun] = await Promise.all([
    runVariant('original', Object.fromEntries(scenarios.map((s) => [s.file, s.source]))),
    runVariant('migrated', Object.fromEntries(migrated.map(({ scenario, result }) => [scenario.file, result.text]))),
    runVariant('whole-run', wholeRunTexts),
  ]);
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('unwrap-runners keeps behaviour with the real libraries', () => {
  it.each(migrated.map((m) => [m.scenario.file, m] as const))(
    '%s is migrated without warnings and drops its runner',
    (_file, { scenario, result }) => {
      expect(result.text).not.toBe(scenario.source);
      expect(result.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
      for (const name of scenario.removes) expect(result.text).not.toMatch(new RegExp(`(require\\(|from )'${name}'`));
    },
  );

  it('ran every call in every form', () => {
    const expected = scenarios.reduce((n, s) => n + s.calls.length, 0);
    expect(original).toHaveLength(expected);
    expect(converted).toHaveLength(expected);
    expect(wholeRun).toHaveLength(expected);
  });

  it('a whole run awaits the co yields the checker types as promises without the helper', () => {
    const text = wholeRunTexts['co-parallel-yields.js'];
    expect(text).toContain('const values = await Promise.all(ms.map((m) => delay(m, m, log)));');
    expect(text).toContain('const results = await Promise.all(ns.map(async function (n) {');
    // an array a loop fills with promises is typed Promise<string>[]
    expect(text).toContain('const values = await Promise.all(pending);');
    // thunks, and an array of values the checker types any (a helper maps its untyped parameter) still
    // need the helper
    expect(text).toContain('const values = await coYield(listOf(log, [n * 10, n]));');
    expect(text).toContain('await coYield([later(10, n, log), later(1, n + 1, log)])');
    expect(wholeRunTexts['co-shapes.js']).not.toContain('coYield');
  });

  it('the originals really exercise values, errors and interleaved side effects', () => {
    const byCall = new Map(original.map((r) => [r.call, r]));
    expect(byCall.get('co-shapes.js#fails[]')?.error).toEqual({ class: 'TypeError', message: 'boom', code: 'E_BOOM' });
    expect(byCall.get('co-shapes.js#runInline[2]')?.logs).toEqual([
      'start',
      'resolved a',
      'resolved c',
      'resolved b',
      'parallel done',
    ]);
    expect(byCall.get('co-shapes.js#objectYield[4]')?.logs).toEqual(['resolved 5', 'resolved c', 'resolved 4']);
    expect(byCall.get('deasync-shapes.js#readValue["falsy"]')?.value).toBe('value despite 0');
    expect(byCall.get('deasync-shapes.js#shell[0]')?.value).toBe('out');
    expect(byCall.get('deasync-shapes.js#shell[3]')?.error?.code).toBe(3);
    expect(byCall.get('make-synchronous.mjs#compute[21]')?.value).toEqual({ doubled: 42, list: [21] });
    expect(byCall.get('make-synchronous.mjs#compute[-1]')?.error).toEqual({
      class: 'RangeError',
      message: 'negative: -1',
    });
    expect(byCall.get('deasync-shapes.js#readValue["many"]')?.value).toBe('first');
    expect(byCall.get('deasync-shapes.js#sleepOrder[]')?.logs).toEqual(['a', 'timer fired', 'b']);
    expect(byCall.get('deasync-loops.js#fetchSync[false]')?.error?.class).toBe('SyntaxError');
    expect(byCall.get('wrappers-and-runners.js#readConfig["{bad"]')?.error?.class).toBe('SyntaxError');
  });

  it.each(scenarios.flatMap((s) => s.calls.map((c) => [`${s.file}#${c[0]}${JSON.stringify(c.slice(1))}`] as const)))(
    '%s: same logs, value and error',
    (call) => {
      const before = original.find((r) => r.call === call);
      const after = converted.find((r) => r.call === call);
      expect(before).toBeDefined();
      expect(after).toEqual(before);
      expect(wholeRun.find((r) => r.call === call)).toEqual(before);
    },
  );
});
