const { runAsWorker } = require('synckit');

runAsWorker(require('./helpers').double);
