const { runAsWorker } = require('synckit');
const { gzip } = require('node:zlib');
const { promisify } = require('node:util');

const runWorker = (text) => promisify(gzip)(text);

runAsWorker(runWorker);
module.exports = runWorker;
