const request = require('sync-request');

const { request: request2, getGlobalDispatcher, interceptors } = require('undici');

// redirects are followed as before; undici.request follows them only through this interceptor
const followRedirects = getGlobalDispatcher().compose(interceptors.redirect({ maxRedirections: 20 }));

async function call(method, url) {
  const response = await request2(url, { method: method.toUpperCase(), dispatcher: followRedirects });
  await response.body.dump();
  return response.statusCode;
}

function send(method, url, payload) {
  return request(method, url, { json: payload }).statusCode;
}

module.exports = { call, send };
