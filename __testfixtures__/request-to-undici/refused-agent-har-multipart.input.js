const request = require('request');

exports.pinned = (cb) => request({ url: 'https://example.com', agentOptions: { ca: 'pem' } }, cb);

exports.recorded = (har, cb) => request({ url: 'https://example.com', har }, cb);

exports.upload = (file, cb) => request.post({ url: 'https://example.com', multipart: [{ body: file }] }, cb);

exports.watch = (url, log) => {
  request(url).on('response', (res) => log(res.statusCode));
};
