'use strict';

const request = require('sync-request');

function fetchTitle(url) {
  return request('GET', url).getBody('utf8').trim();
}

module.exports = { fetchTitle };
