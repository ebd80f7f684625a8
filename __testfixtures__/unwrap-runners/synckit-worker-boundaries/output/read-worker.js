const { runAsWorker } = require('synckit');

runAsWorker(async (key) => `value of ${key}`);
