const request = require('request');

class Api {
  constructor(base) {
    this.base = base;
    this.status = null;
  }

  call(method, path, body, callback) {
    request({ method, uri: this.base + path, json: body || true }, (err, res, data) => {
      if (err) return callback(err);
      if (res.statusCode >= 400) return callback(new Error('HTTP ' + res.statusCode));
      callback(null, data);
    });
  }

  getUser(id, callback) {
    this.call('GET', '/users/' + id, null, callback);
  }

  checkHealth() {
    request.get(this.base + '/health', (err, res) => {
      this.status = err ? 'down' : res.statusCode;
    });
  }
}

module.exports = Api;
