const request = require('request');

function ping(url, done) {
  request.get(url, done);
  console.log('sent');
}

function poll(url, log) {
  request(url, function (err, res) {
    log(err ? err.message : res.statusCode);
  });
  return 'polling';
}

module.exports = { ping, poll };
