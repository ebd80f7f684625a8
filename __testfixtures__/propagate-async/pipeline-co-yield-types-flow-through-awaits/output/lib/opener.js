'use strict';

const Fetcher = require('./fetcher');

class Opener {
  constructor(remote) {
    this.remote = remote;
  }
}

Opener.prototype.fetcher = async function () {
  await Promise.resolve();
  return new Fetcher(this.remote);
};

module.exports = { Opener };
