const { lookup } = require('./lookup');

class Model {
  get size() {
    return lookup('size');
  }
}

module.exports = { Model };
