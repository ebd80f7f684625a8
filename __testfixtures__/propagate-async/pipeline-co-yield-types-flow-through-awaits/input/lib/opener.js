'use strict';

const co = require('co');
const Fetcher = require('./fetcher');

class Opener {
  constructor(remote) {
    this.remote = remote;
  }
}

Opener.prototype.fetcher = co.wrap(function* () {
  yield Promise.resolve();
  return new Fetcher(this.remote);
});

module.exports = { Opener };
