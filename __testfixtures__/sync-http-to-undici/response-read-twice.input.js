const request = require('sync-request');

function describe(url) {
  const res = request('GET', url);
  const text = res.getBody('utf8');
  const size = res.getBody().length;
  return { status: res.statusCode, type: res.headers['content-type'], text, size, raw: res.body.toString() };
}

module.exports = describe;
