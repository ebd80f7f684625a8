'use strict';

const co = require('co');
const store = require('./store');

// Removes sessions older than a day; runs from the nightly script.
function cleanupSessions(now) {
  return co(function* () {
    const sessions = yield store.listSessions();
    let removed = 0;
    for (const session of sessions) {
      if (now - session.lastSeen > 24 * 60 * 60 * 1000) {
        yield store.removeSession(session.id);
        removed += 1;
      }
    }
    return removed;
  });
}

module.exports = { cleanupSessions };
