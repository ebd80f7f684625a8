const request = require('request');
const rp = require('request-promise-native');

const api = request.defaults({ baseUrl: 'https://api.example.com', json: true, headers: { 'x-app': 'demo' } });
const github = rp.defaults({ baseUrl: 'https://api.github.com', headers: { 'user-agent': 'demo' } });

function listUsers(done) {
  api.get('/users', { qs: { page: 1 } }, done);
}

module.exports = { listUsers, repo: (name) => github(`/repos/${name}`) };
