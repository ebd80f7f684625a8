'use strict';

const { fetchTitle } = require('./client');

function titleOf(url) {
  return fetchTitle(url).toUpperCase();
}

function describe(url) {
  return `${url}: ${fetchTitle(url)}`;
}

global.titleOf = titleOf;
Object.defineProperty(global, 'describe', { value: describe });
