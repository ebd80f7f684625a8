// a generator co runs and something iterates, co(fn) of a plain function, koa 1 middleware: all stay, each said
const co = require('co');
function* step(x) { return yield Promise.resolve(x); }
exports.run = co.wrap(step);
exports.iterate = () => [...step(1)];
exports.plain = () => co(() => 1);
module.exports.middleware = function () {
  return function* (next) {
    this.body = 'x';
    yield* next;
  };
};
