'use strict';

const { fetchTitle } = require('./client');

function lookup(url) {
  return fetchTitle(url);
}

function makeLookup() {
  return lookup;
}

module.exports = { makeLookup };
