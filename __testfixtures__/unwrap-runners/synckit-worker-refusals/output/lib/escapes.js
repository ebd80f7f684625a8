const { createSyncFn } = require('synckit');

const check = createSyncFn(require.resolve('./fine-worker.js'));

module.exports = { check };
