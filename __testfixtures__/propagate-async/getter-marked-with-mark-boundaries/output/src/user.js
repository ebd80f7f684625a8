const { displayName } = require('./names');

class User {
  constructor(id) {
    this.id = id;
  }

  get name() {
    // awaitify: a getter cannot await displayName (now async, names.js:8:1); turn the getter into an async method (`async getX()`)
    return displayName(this.id);
  }
}

module.exports = User;
