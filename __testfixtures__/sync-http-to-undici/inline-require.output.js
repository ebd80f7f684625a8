const { request, getGlobalDispatcher, interceptors } = require('undici');

// redirects are followed as before; undici.request follows them only through this interceptor
const followRedirects = getGlobalDispatcher().compose(interceptors.redirect({ maxRedirections: 20 }));

async function version(url) {
  const response = await request(url, { dispatcher: followRedirects });
  const responseBody = Buffer.from(await response.body.arrayBuffer());

  if (response.statusCode >= 300) {
    throw Object.assign(new Error(`Server responded to ${url} with status code ${response.statusCode}:\n${responseBody}`), {
      statusCode: response.statusCode, headers: response.headers, body: responseBody, url,
    });
  }

  const body = responseBody.toString('utf8');
  return body.trim();
}

module.exports = version;
