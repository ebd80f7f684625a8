const { getJson } = require('./http');

class Users {
  constructor(base) {
    this.base = base;
  }

  find(id) {
    return getJson(`${this.base}/users/${id}`);
  }

  names(ids) {
    return ids.map((id) => this.find(id).name);
  }
}

module.exports = { Users };
