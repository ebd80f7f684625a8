/**
 * A small project that uses the real synckit: a CommonJS caller with its worker and an ES module caller
 * with its worker. `driver.mjs` (added after migration, not migrated itself) calls both, and the CommonJS
 * worker through synckit as an unmigrated caller would, and prints what each call returned or threw,
 * with the log of side effects in order.
 */
export const synckitProject: Readonly<Record<string, string>> = {
  'cjs/worker.js': `'use strict';
const { runAsWorker } = require('synckit');

class NotFound extends Error {
  constructor(message) {
    super(message);
    this.name = 'NotFound';
    this.code = 'E_NOT_FOUND';
  }
}

runAsWorker(async (op, arg) => {
  await new Promise((resolve) => setTimeout(resolve, 1));
  if (op === 'double') return arg * 2;
  if (op === 'shape') return { op, list: [arg, arg], when: new Date(Date.UTC(2020, 0, arg)) };
  if (op === 'type') throw new TypeError('bad type: ' + arg);
  throw new NotFound('no such op: ' + op);
});
`,
  'cjs/caller.js': `'use strict';
const { createSyncFn } = require('synckit');

const call = createSyncFn(require.resolve('./worker.js'));

function step(log, op, arg) {
  log.push('before ' + op);
  try {
    const value = call(op, arg);
    log.push('after ' + op);
    return value;
  } finally {
    log.push('finally ' + op);
  }
}

module.exports = { step };
`,
  'esm/worker.mjs': `import { runAsWorker } from 'synckit';

export const unit = 'cm';

runAsWorker(async function measure(value) {
  if (typeof value !== 'number') throw new RangeError('not a number: ' + value);
  return value + unit;
});
`,
  'esm/caller.mjs': `import { createSyncFn } from 'synckit';

const measureSync = createSyncFn(new URL('./worker.mjs', import.meta.url));

export function label(log, value) {
  log.push('label ' + value);
  const measured = measureSync(value);
  log.push('measured ' + measured);
  return '[' + measured + ']';
}
`,
};

/** Runs every call in order (awaiting whatever the migrated functions return) and prints JSON results. */
export const synckitDriver = `import { createSyncFn } from 'synckit';
import cjs from './cjs/caller.js';
import { label } from './esm/caller.mjs';

// a caller the migration did not see: the worker must still work as a synckit worker
const legacy = createSyncFn(new URL('./cjs/worker.js', import.meta.url));

const calls = [
  ['cjs', 'double', 21],
  ['cjs', 'shape', 3],
  ['cjs', 'type', 'x'],
  ['cjs', 'missing', 0],
  ['esm', 'label', 4],
  ['esm', 'label', 'four'],
  ['legacy', 'double', 5],
];
const results = [];
for (const [module, op, arg] of calls) {
  const logs = [];
  try {
    const value = await (module === 'cjs' ? cjs.step(logs, op, arg) : module === 'esm' ? label(logs, arg) : legacy(op, arg));
    results.push({ call: [module, op, arg].join(':'), logs, value: JSON.parse(JSON.stringify(value)) });
  } catch (error) {
    const e = { class: error.constructor.name, name: error.name, message: error.message, code: error.code };
    results.push({ call: [module, op, arg].join(':'), logs, error: e });
  }
}
console.log(JSON.stringify(results));
`;
