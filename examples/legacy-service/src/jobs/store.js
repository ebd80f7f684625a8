'use strict';

// An in-memory stand-in for the session store; every call is asynchronous like the real one.
const sessions = new Map();

function listSessions() {
  return Promise.resolve([...sessions.values()]);
}

function removeSession(id) {
  sessions.delete(id);
  return Promise.resolve();
}

function addSession(session) {
  sessions.set(session.id, session);
  return Promise.resolve(session);
}

module.exports = { listSessions, removeSession, addSession };
