/**
 * Programs that use the real runner libraries (deasync, co, bluebird), each written once; the
 * behaviour test runs them as written and as migrated by unwrap-runners, and compares what they log,
 * return and throw. Every exported function takes `log` first; the driver awaits each result, which
 * is how propagate-async will call a function this transform made async.
 */
export interface Scenario {
  /** File name (CommonJS .js or ES module .mjs). */
  file: string;
  source: string;
  /** Calls the driver makes, in order: [export name, ...JSON arguments]. */
  calls: [string, ...unknown[]][];
  /** Runner modules the migrated file must no longer load. */
  removes: string[];
}

export const delay = `async function delay(ms, value, log) {
  await new Promise((resolve) => setTimeout(resolve, ms));
  if (log) log('resolved ' + value);
  return value;
}`;

export const scenarios: Scenario[] = [
  {
    file: 'co-shapes.js',
    removes: ['co'],
    calls: [
      ['runInline', 2],
      ['wrapped', 'k'],
      ['named', 3],
      ['delegates', 2],
      ['fails'],
      ['caught'],
      ['objectYield', 4],
      ['tree', 3],
    ],
    source: `const co = require('co');

${delay}

exports.runInline = (log, n) =>
  co(function* () {
    log('start');
    const a = yield delay(5, 'a', log);
    const [b, c] = yield [delay(40, 'b', log), delay(1, 'c', log)];
    log('parallel done');
    return a + b + c + n;
  });

const store = {
  prefix: 'v:',
  load: co.wrap(function* (log, key) {
    log('load ' + key + ' ' + arguments.length);
    const value = yield delay(2, key);
    return this.prefix + value;
  }),
};
exports.wrapped = (log, key) => store.load(log, key);

function* page(log, n) {
  log('page ' + n);
  return yield delay(1, n * 10);
}

function* pages(log, count) {
  const out = [];
  for (let i = 0; i < count; i++) out.push(yield page(log, i));
  const last = yield* page(log, count);
  return out.concat([last]);
}

exports.named = co.wrap(pages);
exports.delegates = (log, n) => co(page(log, n));

exports.fails = (log) =>
  co(function* () {
    log('before');
    yield delay(1, 'x');
    const err = new TypeError('boom');
    err.code = 'E_BOOM';
    yield Promise.reject(err);
    log('never');
  });

function* walk(log, depth) {
  const children = yield delay(1, depth > 0 ? [depth - 1, depth - 1] : [], log);
  let total = 1;
  for (const child of children) total += yield* visit(log, child);
  return total;
}

function* visit(log, depth) {
  return depth === 1 ? 1 : yield walk(log, depth);
}

exports.tree = (log, depth) => co(walk, log, depth);

exports.objectYield = co.wrap(function* (log, n) {
  const { a, b: second } = yield { a: delay(60, n, log), b: delay(1, n + 1, log), c: delay(30, 'c', log) };
  return a + second;
});

exports.caught = co.wrap(function* (log) {
  try {
    yield Promise.reject(new RangeError('inner'));
  } catch (e) {
    log('caught ' + e.message);
    return 'recovered';
  } finally {
    log('finally');
  }
});
`,
  },
  {
    // the parallel yields real co code bases lean on (git-meta, feature-toggle): awaiting any of them
    // bare would let the function return before its work ends
    file: 'co-parallel-yields.js',
    removes: ['co'],
    calls: [
      ['mapped', [30, 1, 15]],
      ['collected', [20, 5]],
      ['mappedGenerators', [3, 1]],
      ['thunks', 2],
      ['fromHelper', 4],
      ['objectOfGenerators', 2],
    ],
    source: `const co = require('co');

${delay}

function later(ms, value, log) {
  return (done) => setTimeout(() => {
    log('thunk ' + value);
    done(null, value);
  }, ms);
}

function* checkUpdate(log, n) {
  const value = yield delay(n, n * 2, log);
  return value + 1;
}

function listOf(log, values) {
  return values.map((v) => delay(v, v, log));
}

exports.mapped = co.wrap(function* (log, ms) {
  const values = yield ms.map((m) => delay(m, m, log));
  log('all mapped');
  return values;
});

exports.collected = co.wrap(function* (log, ms) {
  const pending = [];
  for (const m of ms) pending.push(delay(m, 'c' + m, log));
  const values = yield pending;
  log('all collected');
  return values;
});

exports.mappedGenerators = co.wrap(function* (log, ns) {
  const results = yield ns.map(function* (n) {
    const checked = yield checkUpdate(log, n);
    log('checked ' + n);
    return checked;
  });
  log('all checked');
  return results;
});

exports.thunks = co.wrap(function* (log, n) {
  const [a, b] = yield [later(10, n, log), later(1, n + 1, log)];
  const single = yield later(1, 'one', log);
  return [a, b, single];
});

exports.fromHelper = co.wrap(function* (log, n) {
  const values = yield listOf(log, [n * 10, n]);
  log('helper done');
  return values;
});

exports.objectOfGenerators = co.wrap(function* (log, n) {
  const { first, second } = yield { first: checkUpdate(log, n * 5), second: checkUpdate(log, n) };
  return first + second;
});

exports.checkUpdate = co.wrap(checkUpdate);
`,
  },
  {
    file: 'bluebird-coroutine.js',
    removes: ['bluebird'],
    calls: [['sum', 2, 3], ['rejects']],
    source: `const Bluebird = require('bluebird');

${delay}

const add = Bluebird.coroutine(function* (log, a, b) {
  log('add ' + a + ' ' + b);
  const x = yield delay(3, a, log);
  const y = yield Promise.resolve(b);
  return x + y;
});
exports.sum = (log, a, b) => add(log, a, b).then((v) => v * 10);

exports.rejects = Bluebird.coroutine(function* (log) {
  log('rejecting');
  yield delay(1, 'r');
  throw new Error('coroutine failed');
});
`,
  },
  {
    file: 'wrappers-and-runners.js',
    removes: ['./sync-helpers'],
    calls: [
      ['profile', 5],
      ['readConfig', '{"a":1}'],
      ['readConfig', '{bad'],
      ['forwarded', 9],
      ['iife', 2],
    ],
    source: `const { runSync } = require('./sync-helpers');

${delay}

function profile(log, id) {
  const user = runSync(delay(2, 'user' + id, log));
  const posts = runSync(() => delay(1, user + ':posts', log));
  const stats = runSync(async () => {
    const a = await delay(2, 1, log);
    const b = await delay(1, 2, log);
    return a + b;
  });
  log('profile built');
  return { user, posts, stats };
}

function readConfig(log, text) {
  return new Promise(async (resolve, reject) => {
    try {
      const raw = await delay(1, text);
      log('parsing');
      resolve(JSON.parse(raw));
    } catch (err) {
      log('parse error');
      reject(err);
    }
  });
}

async function forwarded(log, n) {
  const v = await new Promise((resolve, reject) => delay(1, n, log).then(resolve, reject));
  return new Promise((res, rej) => delay(1, v + 1).then(res).catch(rej));
}

async function iife(log, n) {
  await (async () => {
    const first = await delay(1, n, log);
    log('first ' + first);
  })();
  const total = await (async () => {
    const rows = await delay(1, [1, 2, n], log);
    return rows.length;
  })();
  return total;
}

module.exports = { profile, readConfig, forwarded, iife };
`,
  },
];

/** An ES module (make-synchronous is ESM-only); the driver loads it with require(esm). */
scenarios.push({
  file: 'make-synchronous.mjs',
  removes: ['make-synchronous'],
  calls: [
    ['compute', 21],
    ['compute', -1],
  ],
  source: `import makeSynchronous from 'make-synchronous';

const double = makeSynchronous(async (n) => {
  await new Promise((resolve) => setTimeout(resolve, 5));
  if (n < 0) throw new RangeError('negative: ' + n);
  return { doubled: n * 2, list: [n] };
});

export function compute(log, n) {
  log('computing ' + n);
  const result = double(n);
  log('computed ' + result.doubled);
  return result;
}
`,
});
