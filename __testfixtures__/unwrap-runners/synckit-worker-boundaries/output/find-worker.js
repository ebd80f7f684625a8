const { runAsWorker } = require('synckit');

async function find(key) {
  return key.length;
}

runAsWorker(find);
