const co = require('co');

class Store {
  constructor(db) {
    this.db = db;
  }
}

Store.prototype.load = co.wrap(function* (key) {
  const row = yield this.db.get(key);
  return row && row.value;
});

const countArgs = co.wrap(function* () {
  yield Promise.resolve();
  return arguments.length;
});

co(function* (a, b) {
  const sum = yield Promise.resolve(a + b);
  console.log(this === undefined, sum);
}, 1, 2);

module.exports = { Store, countArgs };
