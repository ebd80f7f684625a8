'use strict';

class Fetcher {
  constructor(remote) {
    this.remote = remote;
  }
}

Fetcher.prototype.fetchSha = async function (sha) {
  await Promise.resolve();
  return `${this.remote}:${sha}`;
};

module.exports = Fetcher;
