const { request, getGlobalDispatcher, interceptors } = require('undici');

// request(uri, options, callback) over undici: what request sent, and the response and body it called back with
async function sendRequest(uri, options) {
  // request(uri, options): the options with the uri; request(options) or request(uri): one of them
  if (typeof options === 'object' && options !== null) options = { ...options, uri };
  else options = typeof uri === 'string' ? { uri } : { ...uri };
  const method = (options.method || 'GET').toUpperCase();
  const url = options.uri || options.url;
  const headers = {};
  for (const [name, value] of Object.entries(options.headers || {})) {
    if (value !== undefined) headers[name] = value;
  }
  const hasHeader = (name) => Object.keys(headers).some((key) => key.toLowerCase() === name);
  let body = options.body;
  if (options.json) {
    if (!hasHeader('accept')) headers.accept = 'application/json';
    if (typeof options.json !== 'boolean' || body !== undefined) {
      body = JSON.stringify(typeof options.json === 'boolean' ? body : options.json);
      if (!hasHeader('content-type')) headers['content-type'] = 'application/json';
    }
  }
  // request follows redirects for GET, HEAD and OPTIONS only; undici.request follows none without this
  const follow = options.followRedirect !== false && ['GET', 'HEAD', 'OPTIONS'].includes(method);
  const dispatcher = getGlobalDispatcher();
  const response = await request(url, {
    method,
    headers,
    body,
    dispatcher: follow
      ? dispatcher.compose(interceptors.redirect({ maxRedirections: options.maxRedirects ?? 10 }))
      : dispatcher,
  });
  const buffer = Buffer.from(await response.body.arrayBuffer());
  let responseBody;
  if (buffer.length > 0) {
    responseBody = buffer.toString();
  }
  if (options.json) {
    try {
      responseBody = JSON.parse(responseBody);
    } catch {
      // request kept a body that is not JSON as it came
    }
  } else if (responseBody === undefined) responseBody = '';
  const responseHeaders = {};
  for (const [name, value] of Object.entries(response.headers)) {
    if (name === 'set-cookie') responseHeaders[name] = Array.isArray(value) ? value : [value];
    else responseHeaders[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return { statusCode: response.statusCode, headers: responseHeaders, body: responseBody };
}

let cached = null;

async function refresh(id) {
  const [err, res, body] = await sendRequest({ uri: 'https://api.example.com/users/' + id, json: true })
    .then((response) => [null, response, response.body], (error) => [error]);

  if (err) return console.error(err.message);
  cached = res.statusCode === 200 ? body : null;
}

async function refreshAll(ids) {
  await Promise.resolve();

  const [error, response] = await sendRequest({ url: 'https://api.example.com/refresh', json: { ids }, method: 'POST' })
    .then((reply) => [null, reply, reply.body], (failure) => [failure]);

  console.log(error ? error.code : response.statusCode);
}

module.exports = { refresh, refreshAll, get: () => cached };
