'use strict';

const { getJson, postJson } = require('./http/client');

function getUser(id) {
  const user = getJson('/users/' + id);
  return { id: user.id, name: user.name, teams: user.teams || [] };
}

function listTeamMembers(teamIds) {
  return teamIds.map((teamId) => getJson('/teams/' + teamId + '/members'));
}

function saveUser(user) {
  const status = postJson('/users', user);
  return status === 201 ? 'created' : 'updated';
}

module.exports = { getUser, listTeamMembers, saveUser };
