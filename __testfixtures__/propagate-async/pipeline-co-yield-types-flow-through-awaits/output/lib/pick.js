'use strict';

const assert = require('assert');
const Fetcher = require('./fetcher');
const { Opener } = require('./opener');

// the fetcher comes out of one yield and is used in the next: its type has to flow through the first
exports.pick = async function (remote, shas) {
  const opener = new Opener(remote);
  const fetcher = await opener.fetcher();
  assert(fetcher instanceof Fetcher);
  const fetched = [];
  for (const sha of shas) {
    fetched.push(await fetcher.fetchSha(sha));
  }
  return fetched;
};
