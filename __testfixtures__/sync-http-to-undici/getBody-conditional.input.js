const request = require('sync-request');

function maybeBody(url, wanted) {
  const res = request('GET', url);
  return wanted && res.getBody('utf8');
}

module.exports = maybeBody;
