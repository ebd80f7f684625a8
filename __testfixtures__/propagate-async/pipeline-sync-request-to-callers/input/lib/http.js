const request = require('sync-request');

function getJson(url) {
  const res = request('GET', url);
  return JSON.parse(res.getBody('utf8'));
}

module.exports = { getJson };
