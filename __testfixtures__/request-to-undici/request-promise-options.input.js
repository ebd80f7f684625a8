const rp = require('request-promise');

exports.list = (page) =>
  rp({ uri: 'https://api.example.com/items', qs: { page }, json: true, timeout: 5000 }).then((items) => items.length);

exports.create = (item) => rp.post('https://api.example.com/items', { body: item, json: true, simple: false });
