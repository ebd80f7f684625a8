const request = require('sync-request');

const { request: request2, getGlobalDispatcher, interceptors } = require('undici');

// redirects are followed as before; undici.request follows them only through this interceptor
const followRedirects = getGlobalDispatcher().compose(interceptors.redirect({ maxRedirections: 20 }));

async function firstOk(base, paths) {
  let total = 0;
  for (const path of paths) {
    const response = await request2(base + path, { dispatcher: followRedirects });
    await response.body.dump();
    total += response.statusCode;
  }
  if (total > 0) {
    const url = base + '/summary';
    const response2 = await request2(url, { dispatcher: followRedirects });
    const response2Body = Buffer.from(await response2.body.arrayBuffer());

    if (response2.statusCode >= 300) {
      throw Object.assign(new Error(`Server responded to ${url} with status code ${response2.statusCode}:\n${response2Body}`), {
        statusCode: response2.statusCode, headers: response2.headers, body: response2Body, url,
      });
    }

    return response2Body.toString('utf8');
  }
  return null;
}

function pollUntilReady(url) {
  while (request('GET', url).statusCode !== 200) {}
}

module.exports = { firstOk, pollUntilReady };
