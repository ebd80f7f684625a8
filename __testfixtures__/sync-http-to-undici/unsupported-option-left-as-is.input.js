const request = require('sync-request');

function cached(url) {
  const res = request('GET', url, { cache: 'file' });
  return res.getBody('utf8');
}

function stable(url) {
  return request('GET', url).getBody('utf8');
}

module.exports = { cached, stable };
