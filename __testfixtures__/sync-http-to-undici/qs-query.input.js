const request = require('sync-request');

function search(base, term, page) {
  const res = request('GET', `${base}/search`, { qs: { q: term, page, tags: ['a', 'b'] } });
  return JSON.parse(res.getBody('utf8'));
}

module.exports = search;
