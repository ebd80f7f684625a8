/**
 * The coYield helper that unwrap-runners writes into a file resolves any yielded value exactly as the
 * real co 4.6 does: the same value or the same error, for every shape co knows, and the same parallel
 * timing for arrays and objects. Both the JavaScript and the TypeScript text of the helper are run
 * (the TypeScript one after the real compiler strips its types), each in the styles a file may ask for.
 */
import { runInNewContext } from 'node:vm';
import ts from 'typescript';
import { matchCodeStyle, type CodeStyle } from '../source/code-style';
import { buildCoYieldHelperText } from '../transforms/unwrap-runners/co-yield-helper';

type Helper = (value: unknown) => Promise<unknown>;
// co 4.6 ships no types: it runs a generator (function) and resolves what it returns
// eslint-disable-next-line @typescript-eslint/no-require-imports
const co = require('co') as (generator: () => Generator<unknown, unknown, unknown>) => Promise<unknown>;

function loadHelper(isTypeScript: boolean, style: CodeStyle): Helper {
  const text = matchCodeStyle(buildCoYieldHelperText('coYield', isTypeScript), style);
  const js = isTypeScript
    ? ts.transpileModule(text, { compilerOptions: { target: ts.ScriptTarget.ES2022 } }).outputText
    : text;
  return runInNewContext(`${js}\ncoYield;`, { Promise, TypeError, Object, Array, String }) as Helper;
}

const delay = <T>(ms: number, value: T) => new Promise<T>((resolve) => setTimeout(() => resolve(value), ms));
const thunk =
  (error: Error | null, ...results: unknown[]) =>
  (done: (error: Error | null, ...results: unknown[]) => void) =>
    setTimeout(() => done(error, ...results), 1);

class Box {
  constructor(readonly v: number) {}
}

function* generatorFunction(): Generator<unknown, unknown, unknown> {
  return yield [delay(1, 'x'), delay(2, 'y')];
}

/** Fresh values each time: generators and promises are used up by one run. */
const cases: [string, () => unknown][] = [
  ['a promise', () => delay(5, 'p')],
  ['a rejected promise', () => Promise.reject(new Error('nope'))],
  ['a thunk with one result', () => thunk(null, 'one')],
  ['a thunk with two results', () => thunk(null, 'a', 'b')],
  ['a thunk that fails', () => thunk(new Error('thunk failed'))],
  ['an array of mixed yieldables', () => [delay(3, 1), thunk(null, 2), 3, null, [delay(1, 4)], { five: delay(1, 5) }]],
  ['an object of mixed yieldables', () => ({ a: delay(3, 'a'), b: thunk(null, 'b'), c: 'c', d: [delay(1, 'd')] })],
  [
    'a generator object that yields, catches and returns',
    () =>
      (function* (): Generator<unknown, unknown, unknown> {
        const a = (yield delay(1, 1)) as number;
        try {
          yield Promise.reject(new Error('inner'));
        } catch (error) {
          return [a, (error as Error).message, yield thunk(null, 2)];
        }
        return 'not reached';
      })(),
  ],
  ['a generator function', () => generatorFunction],
  [
    'a generator that throws',
    () =>
      (function* (): Generator<unknown, unknown, unknown> {
        yield delay(1, 0);
        throw new Error('thrown inside');
      })(),
  ],
  ['a number', () => 42],
  ['a string', () => 'text'],
  ['null', () => null],
  ['undefined', () => undefined],
  ['a class instance', () => new Box(1)],
  ['a date', () => new Date(0)],
];

type Outcome = { value: unknown } | { error: string };

async function settle(promise: Promise<unknown>): Promise<Outcome> {
  try {
    return { value: await promise };
  } catch (error) {
    return { error: `${(error as Error).constructor.name}: ${(error as Error).message}` };
  }
}

const standard: CodeStyle = { quote: 'single', semicolons: true, indent: '  ' };
const unusual: CodeStyle = { quote: 'double', semicolons: false, indent: '\t' };

describe.each([
  ['JavaScript', false, standard],
  ['TypeScript', true, standard],
  ['JavaScript, double quotes, no semicolons, tabs', false, unusual],
  ['TypeScript, double quotes, no semicolons, tabs', true, unusual],
])('the co-yield helper (%s)', (_label, isTypeScript, style) => {
  const coYield = loadHelper(isTypeScript, style);

  it.each(cases)('resolves %s as co does', async (_name, make) => {
    const byCo = await settle(
      co(function* (): Generator<unknown, unknown, unknown> {
        return yield make();
      }),
    );
    const byHelper = await settle(coYield(make()));
    expect(byHelper).toEqual(byCo);
  });

  it('starts every thunk of an array and an object before any finishes, as co does', async () => {
    const events: string[] = [];
    const recorded =
      (name: string) =>
      (done: (error: null, value: string) => void): void => {
        events.push(`start ${name}`);
        setImmediate(() => {
          events.push(`end ${name}`);
          done(null, name);
        });
      };
    const values = await coYield([recorded('a'), { b: recorded('b'), c: recorded('c') }]);
    expect(values).toEqual(['a', { b: 'b', c: 'c' }]);
    expect(events.slice(0, 3)).toEqual(['start a', 'start b', 'start c']);
  });
});

describe('the helper in a file style', () => {
  it('writes the quotes, semicolons and indentation asked for', () => {
    const text = matchCodeStyle(buildCoYieldHelperText('coYield', false), unusual);
    expect(text).toContain('\t\t\t\tlet result\n');
    expect(text).toContain('step("next", output)');
    expect(text).not.toMatch(/;$/m);
  });
});
