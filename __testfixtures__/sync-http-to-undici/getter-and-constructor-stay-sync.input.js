const request = require('sync-request');

class Settings {
  constructor(url) {
    this.data = JSON.parse(request('GET', url).getBody('utf8'));
  }

  get remote() {
    return request('GET', this.url).statusCode;
  }
}

module.exports = Settings;
