'use strict';

const co = require('co');
const store = require('./store');

async function countActive(sessions, since) {
  return sessions.filter((s) => s.lastSeen >= since).length;
}

function* summarize(since) {
  const sessions = yield store.listSessions();
  const [active, total] = yield [countActive(sessions, since), Promise.resolve(sessions.length)];
  return { active, total };
}

// The daily digest e-mail: co.wrap turned the generator into a promise-returning function.
const buildDigest = co.wrap(function* (now) {
  const day = yield* summarize(now - 24 * 60 * 60 * 1000);
  const week = yield summarize(now - 7 * 24 * 60 * 60 * 1000);
  return `active today: ${day.active}/${day.total}, this week: ${week.active}/${week.total}`;
});

module.exports = { buildDigest };
