const path = require('path');
const { createSyncFn } = require('synckit');
const rpc = require('sync-rpc');

const fetchSchema = createSyncFn(require.resolve('./schema-worker'));
const dynamic = createSyncFn(path.join(__dirname, process.env.WORKER));
const client = rpc(__dirname + '/worker.js', { retries: 2 });

module.exports = function validate(url) {
  return fetchSchema(url) && dynamic(url) && client(url);
};
