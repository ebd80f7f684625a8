const request = require('sync-request');
const fetch = require('sync-fetch');

function raw(url) {
  return request('GET', url);
}

function log(url) {
  const res = fetch(url);
  console.log(res);
}

module.exports = { raw, log, Headers: fetch.Headers };
