const request = require('sync-request');

const clients = { http: request };

function get(url) {
  return request('GET', url).statusCode;
}

module.exports = { clients, get };
