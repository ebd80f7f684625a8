const { getJson } = require('./http');

class Users {
  constructor(base) {
    this.base = base;
  }

  async find(id) {
    return getJson(`${this.base}/users/${id}`);
  }

  async names(ids) {
    const idsResults = [];

    for (const id of ids) {
      idsResults.push((await this.find(id)).name);
    }

    return idsResults;
  }
}

module.exports = { Users };
