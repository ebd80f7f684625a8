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

function cachedOrFetch(cache, key, fetch) {
  let done = false;
  let value;
  if (cache.has(key)) return cache.get(key);
  else fetch(key, (err, v) => { value = v; done = true; });
  deasync.loopWhile(() => !done);
  return value;
}
