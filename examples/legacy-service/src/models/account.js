'use strict';

const { getUser } = require('../users');

class Account {
  constructor(userId) {
    this.userId = userId;
  }

  // A getter cannot await: awaitify leaves this chain alone and says why.
  get owner() {
    return getUser(this.userId);
  }

  describe() {
    return `account of user ${this.userId}`;
  }
}

module.exports = { Account };
