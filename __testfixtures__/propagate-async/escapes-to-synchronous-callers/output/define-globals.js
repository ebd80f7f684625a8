'use strict';

// a project helper in front of Object.defineProperties, as REPL setups write one
function withHelp(descriptor, help) {
  return { ...descriptor, enumerable: false, help };
}

function defineGlobals(descriptors) {
  Object.defineProperties(globalThis, descriptors);
}

module.exports = { withHelp, defineGlobals };
