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
  const body = options.body;
  // user:pass@ in the URL: request sent it as Basic auth (unless one was set); undici drops it silently
  const { username, password } = new URL(url);
  if ((username || password) && !hasHeader('authorization')) {
    const credentials = decodeURIComponent(username) + ':' + decodeURIComponent(password);
    headers.authorization = 'Basic ' + Buffer.from(credentials).toString('base64');
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
  const responseBody = buffer.toString();
  const responseHeaders = {};
  for (const [name, value] of Object.entries(response.headers)) {
    if (name === 'set-cookie') responseHeaders[name] = Array.isArray(value) ? value : [value];
    else responseHeaders[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return { statusCode: response.statusCode, headers: responseHeaders, body: responseBody };
}

function ping(url, done) {
  sendRequest(url).then((response) => done(null, response, response.body), done);
  console.log('sent');
}

function poll(url, log) {
  sendRequest(url)
    .then((response) => [null, response, response.body], (error) => [error])
    .then(function ([err, res]) {
      log(err ? err.message : res.statusCode);
    });
  return 'polling';
}

module.exports = { ping, poll };
