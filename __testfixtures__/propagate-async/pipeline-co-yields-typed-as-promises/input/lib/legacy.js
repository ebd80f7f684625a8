const co = require('co');
const fs = require('fs');
const db = require('./db');

// a thunk still needs co's resolution, so the helper stays for it alone
exports.load = co.wrap(function* (file) {
  const text = yield (done) => fs.readFile(file, 'utf8', done);
  const rows = yield db.query(text);
  return rows;
});
