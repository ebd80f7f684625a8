'use strict';

const co = require('co');
const assert = require('assert');
const Fetcher = require('./fetcher');
const { Opener } = require('./opener');

// the fetcher comes out of one yield and is used in the next: its type has to flow through the first
exports.pick = co.wrap(function* (remote, shas) {
  const opener = new Opener(remote);
  const fetcher = yield opener.fetcher();
  assert(fetcher instanceof Fetcher);
  const fetched = [];
  for (const sha of shas) {
    fetched.push(yield fetcher.fetchSha(sha));
  }
  return fetched;
});
