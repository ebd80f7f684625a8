const { runAsWorker } = require('synckit');

runAsWorker(async (x) => new Promise((resolve) => setTimeout(() => resolve(x), 50)));
