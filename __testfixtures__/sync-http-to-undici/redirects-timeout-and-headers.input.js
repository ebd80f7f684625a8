const request = require('sync-request');

function session(url) {
  const res = request('GET', url, { timeout: 300, maxRedirects: 2 });
  return { cookies: res.headers['set-cookie'], final: res.url, failed: res.isError() };
}

module.exports = session;
