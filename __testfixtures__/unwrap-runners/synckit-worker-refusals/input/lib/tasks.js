const path = require('path');
const { createSyncFn } = require('synckit');

const missing = createSyncFn(require.resolve('./not-in-this-run.js'));
const computed = createSyncFn(path.join(__dirname, process.env.WORKER_FILE));
const relativeToCwd = createSyncFn('./lib/two-workers.js');
const twice = createSyncFn(require.resolve('./two-workers.js'));
const borrowed = createSyncFn(require.resolve('./borrowed-function.js'));
const esm = createSyncFn(require.resolve('./esm-worker.mjs'));
const timed = createSyncFn(require.resolve('./slow-worker.js'), 100);

function runAll(x) {
  return [missing(x), computed(x), relativeToCwd(x), twice(x), borrowed(x), esm(x), timed(x)];
}

module.exports = { runAll };
