const Bluebird = require('bluebird');

const pair = Bluebird.coroutine(function* (a, b) {
  const x = yield load(a);
  const y = yield load(b);
  return [x, y];
});

const both = Bluebird.coroutine(function* (a, b) {
  return yield [load(a), load(b)];
});

function show(a, b) {
  return pair(a, b).spread((x, y) => x + y);
}

module.exports = { show, both };
