function version(url) {
  const body = require('sync-request')('GET', url).getBody('utf8');
  return body.trim();
}

module.exports = version;
