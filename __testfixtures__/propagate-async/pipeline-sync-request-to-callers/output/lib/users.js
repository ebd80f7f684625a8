const { getJson } = require('./http');

class Users {
  constructor(base) {
    this.base = base;
  }

  async find(id) {
    return getJson(`${this.base}/users/${id}`);
  }

  async names(ids) {
    return Promise.all(ids.map(async id => (await this.find(id)).name));
  }
}

module.exports = { Users };
