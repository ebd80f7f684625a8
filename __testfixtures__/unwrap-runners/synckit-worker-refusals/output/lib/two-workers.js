const { runAsWorker } = require('synckit');

runAsWorker(async (x) => x + 1);
runAsWorker(async (x) => x + 2);
