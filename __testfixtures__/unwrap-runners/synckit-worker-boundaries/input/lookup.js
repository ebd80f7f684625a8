const { createSyncFn } = require('synckit');

const find = createSyncFn(require.resolve('./find-worker.js'));

function lookup(key) {
  return find(key);
}

module.exports = { lookup };
