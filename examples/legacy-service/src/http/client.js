'use strict';

const request = require('sync-request');
const config = require('../config');

const defaultHeaders = { accept: 'application/json', 'user-agent': 'legacy-service/1.4' };

/** Fetches JSON from the users API. Throws on any non-2xx answer. */
function getJson(path) {
  const res = request('GET', config.usersApi + path, { headers: defaultHeaders, timeout: 5000 });
  return JSON.parse(res.getBody('utf8'));
}

/** Posts a JSON document and returns the status code, so callers can tell 200 from 201. */
function postJson(path, document) {
  // The users API answers 201 for a new record.
  const res = request('POST', config.usersApi + path, { json: document, headers: defaultHeaders });
  return res.statusCode;
}

module.exports = { getJson, postJson };
