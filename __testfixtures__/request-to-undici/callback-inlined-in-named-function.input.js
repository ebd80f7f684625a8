const request = require('request');

function getUser(id, cb) {
  request({ uri: 'https://api.example.com/users/' + id, json: true }, (err, res, body) => {
    if (err) return cb(err);
    cb(null, body);
  });
}

module.exports = { getUser };
