const request = require('sync-request');

function check(url) {
  const { statusCode, body } = request('GET', url, { followRedirects: false });
  return statusCode === 200 ? body.toString('utf8') : null;
}

function ping(url) {
  const { statusCode } = request('GET', url);
  return statusCode;
}

module.exports = { check, ping };
