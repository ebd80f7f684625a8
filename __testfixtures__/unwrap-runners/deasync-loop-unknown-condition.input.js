const deasync = require('deasync');

function waitForQueue(queue) {
  deasync.loopWhile(() => queue.length > 0);
}

function waitUntil(isReady) {
  let done = false;
  setTimeout(() => { done = isReady(); }, 10);
  deasync.loopWhile(() => !done);
}

function spin(state) {
  while (!state.done) deasync.runLoopOnce();
}

module.exports = { waitForQueue, waitUntil, spin };
