const request = require('sync-request');

function flaky(url) {
  const res = request('GET', url, { retry: true, maxRetries: 3 });
  return res.getBody('utf8');
}

function stable(url) {
  return request('GET', url).getBody('utf8');
}

module.exports = { flaky, stable };
