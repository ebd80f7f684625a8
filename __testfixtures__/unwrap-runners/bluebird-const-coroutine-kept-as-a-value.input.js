'use strict';

const Promise = require('bluebird');

// this file writes its functions as values
const delay = (ms) => Promise.delay(ms);

const clearNamespace = Promise.coroutine(function* (ns) {
  yield delay(1);
  return `cleared ${ns}`;
});

module.exports = { clearNamespace };
