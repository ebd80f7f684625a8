const Promise = require('bluebird');

const getUser = Promise.coroutine(function* (id) {
  const row = yield db.query('SELECT * FROM users WHERE id = ?', [id]);
  return row && row.name;
});

class Repo {}
Repo.prototype.save = Promise.coroutine(function* (item) {
  yield this.db.insert(item);
  return item.id;
});

module.exports = { getUser, Repo };

const warmUp = Promise.coroutine(function* () {
  yield getUser(1);
});

warmUp();
