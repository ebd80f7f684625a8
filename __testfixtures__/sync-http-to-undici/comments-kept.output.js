const { request, getGlobalDispatcher, interceptors } = require('undici');

// redirects are followed as before; undici.request follows them only through this interceptor
const followRedirects = getGlobalDispatcher().compose(interceptors.redirect({ maxRedirections: 20 }));

/** Reads the price list. */
async function prices(url) {
  // the price service is slow in the morning
  const res = await request(url, {
    // give it five seconds
    headersTimeout: 5000,
    dispatcher: followRedirects,
  });
  const resBody = Buffer.from(await res.body.arrayBuffer());

  if (res.statusCode >= 300) {
    throw Object.assign(new Error(`Server responded to ${url} with status code ${res.statusCode}:\n${resBody}`), {
      statusCode: res.statusCode, headers: res.headers, body: resBody, url,
    });
  }

  /* prices are cents */
  return JSON.parse(resBody.toString('utf8')); // throws for >= 300
}

module.exports = prices;
