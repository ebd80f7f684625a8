'use strict';

const { listTeamMembers } = require('../src/users');
const { cleanupSessions } = require('../src/jobs/cleanup');
const { pause } = require('../src/jobs/throttle');

const teams = (process.env.TEAMS || 'core,billing').split(',');
const members = listTeamMembers(teams);
console.log(`teams: ${teams.length}, members: ${members.flat().length}`);
pause();
cleanupSessions(Date.now()).then((removed) => {
  console.log(`sessions removed: ${removed}`);
});
