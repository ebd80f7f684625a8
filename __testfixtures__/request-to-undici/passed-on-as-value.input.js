const request = require('request-promise');
const OAuthSection = require('./oauth');

class Client {
  constructor(options = {}) {
    this.request = options.request || request;
    this.baseOptions = {};
    // an API section named like a request option is not one
    this.oauth = new OAuthSection(this);
    if (options.username) this.baseOptions.auth = { user: options.username, pass: options.password };
    if (options.timeout) this.baseOptions.timeout = options.timeout;
  }

  get(uri) {
    return this.request({ ...this.baseOptions, uri, json: true });
  }
}

module.exports = Client;
