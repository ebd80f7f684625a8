const request = require('sync-request');
const fetch = require('sync-fetch');

const getText = (url) => request('GET', url).getBody('utf8');

function statusOf(url) {
  return request('GET', url).statusCode;
}

function count(url) {
  return fetch(url).json().items.length;
}

function bytes(url) {
  return fetch(url, { method: 'post', body: 'x' }).buffer();
}

module.exports = { getText, statusOf, count, bytes };
