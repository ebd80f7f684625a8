const request = require('sync-request');

function createUser(base, user) {
  const res = request('POST', base + '/users', {
    headers: { authorization: 'Bearer secret' },
    json: user,
  });
  return { status: res.statusCode, location: res.headers.location };
}

function replaceUser(base, user) {
  request('PUT', `${base}/users/${user.id}`, { json: user, headers: { 'Content-Type': 'application/merge-patch+json' } });
}

module.exports = { createUser, replaceUser };
