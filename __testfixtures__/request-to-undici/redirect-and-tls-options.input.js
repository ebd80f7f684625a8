const request = require('request');
const rp = require('request-promise');

async function download(url) {
  request({ url, followRedirect: false, strictSSL: false }, (err, res, body) => {
    if (err) throw err;
    console.log(res.statusCode, res.headers.location, body.length);
  });
}

async function fetchCount(uri) {
  return rp({ uri, maxRedirects: 3, json: true, transform: (body) => body.count });
}

module.exports = { download, fetchCount };
