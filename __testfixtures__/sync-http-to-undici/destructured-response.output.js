const { request, getGlobalDispatcher, interceptors } = require('undici');

// redirects are followed as before; undici.request follows them only through this interceptor
const followRedirects = getGlobalDispatcher().compose(interceptors.redirect({ maxRedirections: 20 }));

async function check(url) {
  const { statusCode, body: responseBody } = await request(url);
  const body = Buffer.from(await responseBody.arrayBuffer());
  return statusCode === 200 ? body.toString('utf8') : null;
}

async function ping(url) {
  const { statusCode, body: responseBody } = await request(url, { dispatcher: followRedirects });
  await responseBody.dump();
  return statusCode;
}

module.exports = { check, ping };
