/**
 * What a library does with the value its callback returns, in two tables, one row per caller with the
 * documentation that proves it (a row is added only with such a reference):
 *   promiseAwareCallers   wait for a returned promise: a callback passed to one simply becomes async;
 *   resultIgnoringCallers ignore the result: made async, a callback's thrown error would become an
 *                         unhandled rejection instead of reaching the caller's error handling.
 * Any other callback is a boundary (callback-sites.ts), unless TypeScript says what it may return.
 */

export interface CallbackCaller {
  /** The callee's root name (`it` of `it.only(…)`) or, for `kind: 'method'`, the method name. */
  names: readonly string[];
  kind: 'root' | 'method';
  who: string;
  proof: string;
}

export const promiseAwareCallers: readonly CallbackCaller[] = [
  {
    names: ['then', 'catch', 'finally'],
    kind: 'method',
    who: 'Promise handlers',
    proof: 'https://tc39.es/ecma262/#sec-promise.prototype.then (a returned promise is adopted)',
  },
  {
    names: ['it', 'test', 'beforeEach', 'afterEach', 'beforeAll', 'afterAll'],
    kind: 'root',
    who: 'Jest and Vitest tests and hooks',
    proof: 'https://jestjs.io/docs/asynchronous#asyncawait, https://vitest.dev/api/#test',
  },
  {
    names: ['it', 'before', 'after', 'beforeEach', 'afterEach'],
    kind: 'root',
    who: 'Mocha tests and hooks',
    proof: 'https://mochajs.org/#using-async-await',
  },
  {
    names: ['test'],
    kind: 'root',
    who: 'AVA, node:test and tap tests',
    proof:
      'https://github.com/avajs/ava/blob/main/docs/01-writing-tests.md#promise-support, ' +
      'https://nodejs.org/api/test.html#testname-options-fn, https://node-tap.org/basics/#async-tests',
  },
];

export const resultIgnoringCallers: readonly CallbackCaller[] = [
  {
    names: ['setTimeout', 'setInterval', 'setImmediate'],
    kind: 'root',
    who: 'timers',
    proof: 'https://nodejs.org/api/timers.html (the callback is called and its result dropped)',
  },
  {
    names: ['on', 'once', 'addListener', 'prependListener', 'prependOnceListener'],
    kind: 'method',
    who: 'event emitters',
    proof:
      'https://nodejs.org/api/events.html#capturerejections-of-promises (listeners are called synchronously ' +
      "and their return values ignored; a rejected promise is an unhandled rejection, not an 'error' event)",
  },
  {
    names: ['get', 'post', 'put', 'patch', 'delete', 'all', 'use'],
    kind: 'method',
    who: 'Express 4 routes and middleware',
    proof:
      'https://expressjs.com/en/guide/error-handling.html (Express 4 passes only errors thrown synchronously ' +
      'to the error middleware; Express 5 also awaits a returned promise)',
  },
];

const roots = new Set(promiseAwareCallers.filter((c) => c.kind === 'root').flatMap((c) => c.names));
const methods = new Set(promiseAwareCallers.filter((c) => c.kind === 'method').flatMap((c) => c.names));

/** Whether a callback passed to `root…name(…)` is awaited by its caller. */
export function isPromiseAwareCaller(root: string | null, name: string | null): boolean {
  return (name !== null && methods.has(name)) || (root !== null && roots.has(root));
}

/** The table row saying `root…name(…)` ignores what its callback returns, if there is one. */
export function findResultIgnoringCaller(root: string | null, name: string | null): CallbackCaller | null {
  return (
    resultIgnoringCallers.find((caller) => caller.names.includes((caller.kind === 'root' ? root : name) ?? '')) ?? null
  );
}
