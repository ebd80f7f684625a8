const request = require('sync-request');

function findOrder(base, id) {
  const res = request('GET', base + '/orders/' + id);
  try {
    return JSON.parse(res.getBody('utf8'));
  } catch (err) {
    if (err.statusCode === 404) return null;
    throw err;
  }
}

module.exports = findOrder;
