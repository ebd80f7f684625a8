'use strict';

const co = require('co');

class Fetcher {
  constructor(remote) {
    this.remote = remote;
  }
}

Fetcher.prototype.fetchSha = co.wrap(function* (sha) {
  yield Promise.resolve();
  return `${this.remote}:${sha}`;
});

module.exports = Fetcher;
