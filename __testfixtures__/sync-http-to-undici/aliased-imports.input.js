const httpSync = require('sync-request');
const fetchNow = require('sync-fetch');

function loadConfig(url) {
  return JSON.parse(httpSync('get', url).getBody('utf8'));
}

function loadFlags(url) {
  return fetchNow(url).json();
}

module.exports = { loadConfig, loadFlags };
