const { runAsWorker } = require('synckit');
const { gzip } = require('node:zlib');
const { promisify } = require('node:util');

runAsWorker((text) => promisify(gzip)(text));
