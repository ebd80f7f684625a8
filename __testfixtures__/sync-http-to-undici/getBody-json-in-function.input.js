const request = require('sync-request');

function getUser(id) {
  const res = request('GET', 'https://api.example.com/users/' + id);
  return JSON.parse(res.getBody('utf8'));
}

module.exports = { getUser };
