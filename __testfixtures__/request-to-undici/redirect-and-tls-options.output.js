const { request, getGlobalDispatcher, interceptors, Agent } = require('undici');

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
  // user:pass@ in the URL: request sent it as Basic auth (unless one was set); undici drops it silently
  const { username, password } = new URL(url);
  if ((username || password) && !hasHeader('authorization')) {
    const credentials = decodeURIComponent(username) + ':' + decodeURIComponent(password);
    headers.authorization = 'Basic ' + Buffer.from(credentials).toString('base64');
  }
  // request follows redirects for GET, HEAD and OPTIONS only; undici.request follows none without this
  const follow = options.followRedirect !== false && ['GET', 'HEAD', 'OPTIONS'].includes(method);
  const dispatcher =
    options.strictSSL === false || options.rejectUnauthorized === false
      ? new Agent({ connect: { rejectUnauthorized: false } })
      : getGlobalDispatcher();
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

// request-promise over undici: the body (or the full response), StatusCodeError for a status other than 2xx
async function sendRequestPromise(uri, options) {
  let settings;
  if (typeof options === 'object' && options !== null) settings = { ...options, uri };
  else settings = typeof uri === 'string' ? { uri } : { ...uri };
  const full = settings.resolveWithFullResponse === true;
  // request-promise resolves a HEAD to the headers
  const head = (body, response) => (full ? response : response.headers);
  const transform = settings.transform || (String(settings.method).toUpperCase() === 'HEAD' ? head : null);
  let response;
  try {
    response = await sendRequest(settings);
  } catch (cause) {
    const fields = { name: 'RequestError', cause, error: cause, options: settings, response: undefined };
    throw Object.assign(new Error(String(cause)), fields);
  }
  const is2xx = /^2/.test(String(response.statusCode));
  let result = full ? response : response.body;
  if (transform && (is2xx || settings.transform2xxOnly !== true)) {
    try {
      result = await transform(response.body, response, full);
    } catch (cause) {
      const fields = { name: 'TransformError', cause, error: cause, options: settings, response };
      throw Object.assign(new Error(String(cause)), fields);
    }
  }
  if (settings.simple !== false && !is2xx) {
    throw Object.assign(new Error(`${response.statusCode} - ${JSON.stringify(response.body)}`), {
      name: 'StatusCodeError',
      statusCode: response.statusCode,
      error: response.body,
      options: settings,
      response: transform && settings.transform2xxOnly !== true ? result : response,
    });
  }
  return result;
}

async function download(url) {
  const [err, res, body] = await sendRequest({ url, followRedirect: false, strictSSL: false })
    .then((response) => [null, response, response.body], (error) => [error]);

  if (err) throw err;
  console.log(res.statusCode, res.headers.location, body.length);
}

async function fetchCount(uri) {
  return sendRequestPromise({ uri, maxRedirects: 3, json: true, transform: (body) => body.count });
}

module.exports = { download, fetchCount };
