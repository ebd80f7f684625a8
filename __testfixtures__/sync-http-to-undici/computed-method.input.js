const request = require('sync-request');

function call(method, url) {
  return request(method, url).statusCode;
}

function send(method, url, payload) {
  return request(method, url, { json: payload }).statusCode;
}

module.exports = { call, send };
