const request = require('request');
const rp = require('request-promise');

const jar = request.jar();

exports.withJar = (cb) => request({ url: 'https://example.com', jar: jar }, cb);

exports.viaProxy = () => rp({ url: 'https://example.com', proxy: 'http://proxy:3128' });

exports.spread = () => rp('https://example.com').spread((a) => a);

exports.stream = (out) => request('https://example.com/file').pipe(out);
