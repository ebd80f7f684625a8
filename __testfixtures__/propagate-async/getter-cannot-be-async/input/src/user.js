const { displayName } = require('./names');

class User {
  constructor(id) {
    this.id = id;
  }

  get name() {
    return displayName(this.id);
  }
}

module.exports = User;
