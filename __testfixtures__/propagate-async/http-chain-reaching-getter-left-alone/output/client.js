'use strict';

const request = require('sync-request');

function getJson(url) {
  return JSON.parse(request('GET', url).getBody('utf8'));
}

module.exports = { getJson };
