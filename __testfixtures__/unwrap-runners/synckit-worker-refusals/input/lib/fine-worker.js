const { runAsWorker } = require('synckit');

runAsWorker(async (value) => value === 'ok');
