const request = require('sync-request');

function firstOk(base, paths) {
  let total = 0;
  for (const path of paths) total += request('GET', base + path).statusCode;
  if (total > 0) return request('GET', base + '/summary').getBody('utf8');
  return null;
}

function pollUntilReady(url) {
  while (request('GET', url).statusCode !== 200) {}
}

module.exports = { firstOk, pollUntilReady };
