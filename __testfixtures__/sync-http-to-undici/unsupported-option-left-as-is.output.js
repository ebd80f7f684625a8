const request = require('sync-request');

const { request: request2, getGlobalDispatcher, interceptors } = require('undici');

// redirects are followed as before; undici.request follows them only through this interceptor
const followRedirects = getGlobalDispatcher().compose(interceptors.redirect({ maxRedirections: 20 }));

function cached(url) {
  const res = request('GET', url, { cache: 'file' });
  return res.getBody('utf8');
}

async function stable(url) {
  const response = await request2(url, { dispatcher: followRedirects });
  const responseBody = Buffer.from(await response.body.arrayBuffer());

  if (response.statusCode >= 300) {
    throw Object.assign(new Error(`Server responded to ${url} with status code ${response.statusCode}:\n${responseBody}`), {
      statusCode: response.statusCode, headers: response.headers, body: responseBody, url,
    });
  }

  return responseBody.toString('utf8');
}

module.exports = { cached, stable };
