const request = require('request-promise');

class Client {
  constructor(options = {}) {
    this.request = options.request || request;
    this.baseOptions = {};
    if (options.oauth) this.baseOptions.oauth = { consumer_key: options.oauth.key };
  }

  get(uri) {
    return this.request({ ...this.baseOptions, uri, json: true });
  }
}

module.exports = Client;
