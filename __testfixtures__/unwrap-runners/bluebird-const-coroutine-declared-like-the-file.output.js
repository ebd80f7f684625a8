'use strict';

const Promise = require('bluebird');

// this file writes its functions as declarations (ESLint func-style: declaration)
function delay(ms) {
  return Promise.delay(ms);
}

async function clearNamespace(ns) {
  await delay(1);
  return `cleared ${ns}`;
}

module.exports = { clearNamespace };
