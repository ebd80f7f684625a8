'use strict';

const { getJson } = require('./client');

class Account {
  get owner() {
    return getJson('http://127.0.0.1:1/owner');
  }
}

module.exports = { Account };
