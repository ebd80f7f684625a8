'use strict';

const co = require('co');
const store = require('./store');

exports.count = () => co(function* () {
  const rows = yield store.list();
  return rows.length;
});
