const nock = require('nock');
const client = require('./client');

nock('https://api.example.com').get('/items').reply(200, []);
client.list().then((items) => console.log(items));
