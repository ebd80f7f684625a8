const request = require('sync-request');

const res = request('GET', 'http://127.0.0.1:8080/config.json');
module.exports = JSON.parse(res.getBody('utf8'));
