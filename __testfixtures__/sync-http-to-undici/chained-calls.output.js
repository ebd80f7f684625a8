const { request, fetch, getGlobalDispatcher, interceptors } = require('undici');
// redirects are followed as before; undici.request follows them only through this interceptor
const followRedirects = getGlobalDispatcher().compose(interceptors.redirect({ maxRedirections: 20 }));

const getText = async url => {
  const response = await request(url, { dispatcher: followRedirects });
  const responseBody = Buffer.from(await response.body.arrayBuffer());

  if (response.statusCode >= 300) {
    throw Object.assign(new Error(`Server responded to ${url} with status code ${response.statusCode}:\n${responseBody}`), {
      statusCode: response.statusCode, headers: response.headers, body: responseBody, url,
    });
  }

  return responseBody.toString('utf8');
};

async function statusOf(url) {
  const response = await request(url, { dispatcher: followRedirects });
  await response.body.dump();
  return response.statusCode;
}

async function count(url) {
  return (await (await fetch(url)).json()).items.length;
}

async function bytes(url) {
  return Buffer.from(await (await fetch(url, { method: 'POST', body: 'x' })).arrayBuffer());
}

module.exports = { getText, statusOf, count, bytes };
