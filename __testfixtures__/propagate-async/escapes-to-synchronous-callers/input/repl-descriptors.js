'use strict';

const { fetchTitle } = require('./client');
const { withHelp, defineGlobals } = require('./define-globals');

function shout(url) {
  return fetchTitle(url).toUpperCase();
}

const globals = {
  shout: withHelp({ value: shout }, 'The title of a page, loudly'),
};

defineGlobals(globals);
