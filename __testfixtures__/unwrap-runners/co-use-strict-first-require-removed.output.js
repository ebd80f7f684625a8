'use strict';

const store = require('./store');

exports.count = () => (async () => {
  const rows = await store.list();
  return rows.length;
})();
