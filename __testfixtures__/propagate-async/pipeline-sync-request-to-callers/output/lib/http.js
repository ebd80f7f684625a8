const { request, getGlobalDispatcher, interceptors } = require('undici');

// redirects are followed as before; undici.request follows them only through this interceptor
const followRedirects = getGlobalDispatcher().compose(interceptors.redirect({ maxRedirections: 20 }));

async function getJson(url) {
  const res = await request(url, { dispatcher: followRedirects });
  const resBody = Buffer.from(await res.body.arrayBuffer());

  if (res.statusCode >= 300) {
    throw Object.assign(new Error(`Server responded to ${url} with status code ${res.statusCode}:\n${resBody}`), {
      statusCode: res.statusCode, headers: res.headers, body: resBody, url,
    });
  }

  return JSON.parse(resBody.toString('utf8'));
}

module.exports = { getJson };
