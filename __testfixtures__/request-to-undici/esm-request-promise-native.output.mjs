import { request, getGlobalDispatcher, interceptors } from 'undici';
import zlib from 'node:zlib';
import { promisify } from 'node:util';

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
  if (options.gzip && !hasHeader('accept-encoding')) headers['accept-encoding'] = 'gzip, deflate';
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
  let buffer = Buffer.from(await response.body.arrayBuffer());
  const contentEncoding = String(response.headers['content-encoding'] || '').trim().toLowerCase();
  if (options.gzip && method !== 'HEAD' && response.statusCode !== 204 && response.statusCode !== 304) {
    const flush = { flush: zlib.constants.Z_SYNC_FLUSH, finishFlush: zlib.constants.Z_SYNC_FLUSH };
    if (contentEncoding === 'gzip') buffer = await promisify(zlib.gunzip)(buffer, flush);
    if (contentEncoding === 'deflate') buffer = await promisify(zlib.inflate)(buffer, flush);
  }
  let responseBody;
  if (buffer.length > 0) {
    responseBody = options.encoding === null ? buffer : buffer.toString(options.encoding);
    // request dropped a BOM only when 'utf8' was asked for
    if (options.encoding === 'utf8') responseBody = responseBody.replace(/^\uFEFF/, '');
  }
  if (responseBody === undefined) responseBody = options.encoding === null ? Buffer.alloc(0) : '';
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

export const download = (url) => sendRequestPromise({ url, encoding: null, gzip: true, resolveWithFullResponse: true });

export async function head(url) {
  const headers = await sendRequestPromise(url, { method: 'HEAD' });
  return headers['content-length'];
}
