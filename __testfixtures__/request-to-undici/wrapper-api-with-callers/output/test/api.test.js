const nock = require('nock');
const Api = require('../lib/api');

nock('https://api.example.com').get('/users/1').reply(200, { name: 'Ada' });
new Api('https://api.example.com').getUser(1, (err, user) => console.log(user));
