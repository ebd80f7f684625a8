const { request: request2, getGlobalDispatcher, interceptors, Agent } = require('undici');
const OAuthSection = require('./oauth');

const qs = require('qs');
const zlib = require('node:zlib');
const { promisify } = require('node:util');

// request(uri, options, callback) over undici: what request sent, and the response and body it called back with
async function sendRequest(uri, options) {
  // request(uri, options): the options with the uri; request(options) or request(uri): one of them
  if (typeof options === 'object' && options !== null) options = { ...options, uri };
  else options = typeof uri === 'string' ? { uri } : { ...uri };
  // request options undici has no faithful equivalent for: an error rather than a request sent without them
  const unsupported = [
    'jar', 'proxy', 'tunnel', 'agent', 'agentOptions', 'agentClass', 'forever', 'pool', 'oauth',
    'hawk', 'aws', 'httpSignature', 'har', 'multipart', 'formData', 'time', 'followAllRedirects',
    'followOriginalHttpMethod', 'removeRefererHeader', 'ca', 'cert', 'key', 'passphrase', 'pfx',
    'localAddress', 'useQuerystring', 'jsonReviver', 'jsonReplacer', 'callback',
  ].find((name) => options[name] !== undefined);
  const lazyAuth = options.auth && options.auth.sendImmediately === false;
  if (unsupported || lazyAuth || typeof options.followRedirect === 'function') {
    const name = unsupported || (lazyAuth ? 'auth.sendImmediately' : 'followRedirect');
    throw new Error(`request option ${name} is not supported since the move to undici`);
  }
  const method = (options.method || 'GET').toUpperCase();
  let url = options.uri || options.url;
  if (options.baseUrl) {
    url = url === '' ? options.baseUrl : options.baseUrl.replace(/\/$/, '') + '/' + url.replace(/^\//, '');
  }
  if (options.qs) {
    const [path, query = ''] = url.split('#')[0].split('?');
    const merged = { ...qs.parse(query, options.qsParseOptions), ...options.qs };
    const search = qs.stringify(merged, options.qsStringifyOptions);
    if (search !== '') url = path + '?' + search;
  }
  const headers = {};
  for (const [name, value] of Object.entries(options.headers || {})) {
    if (value !== undefined) headers[name] = value;
  }
  const hasHeader = (name) => Object.keys(headers).some((key) => key.toLowerCase() === name);
  let body = options.body;
  if (options.form) {
    if (!hasHeader('content-type')) headers['content-type'] = 'application/x-www-form-urlencoded';
    const escape = (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase();
    if (typeof options.form === 'string') body = options.form.replace(/[!'()*]/g, escape);
    else body = qs.stringify(options.form, options.qsStringifyOptions);
  }
  if (options.json) {
    if (!hasHeader('accept')) headers.accept = 'application/json';
    if (typeof options.json !== 'boolean' || body !== undefined) {
      body = JSON.stringify(typeof options.json === 'boolean' ? body : options.json);
      if (!hasHeader('content-type')) headers['content-type'] = 'application/json';
    }
  }
  if (options.auth) {
    const { user = options.auth.username, pass = options.auth.password, bearer } = options.auth;
    for (const key of Object.keys(headers)) if (key.toLowerCase() === 'authorization') delete headers[key];
    headers.authorization =
      bearer !== undefined ? 'Bearer ' + ((typeof bearer === 'function' ? bearer() : bearer) || '')
        : 'Basic ' + Buffer.from(user + ':' + (pass || '')).toString('base64');
  }
  if (options.gzip && !hasHeader('accept-encoding')) headers['accept-encoding'] = 'gzip, deflate';
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
  let response;
  let buffer;
  try {
    response = await request2(url, {
      method,
      headers,
      body,
      dispatcher: follow
        ? dispatcher.compose(interceptors.redirect({ maxRedirections: options.maxRedirects ?? 10 }))
        : dispatcher,
      headersTimeout: options.timeout,
      bodyTimeout: options.timeout,
    });
    buffer = Buffer.from(await response.body.arrayBuffer());
  } catch (error) {
    if (error.code !== 'UND_ERR_HEADERS_TIMEOUT' && error.code !== 'UND_ERR_BODY_TIMEOUT') throw error;
    throw Object.assign(new Error('ESOCKETTIMEDOUT'), { code: 'ESOCKETTIMEDOUT', connect: false });
  }
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
  if (options.json) {
    try {
      responseBody = JSON.parse(responseBody);
    } catch {
      // request kept a body that is not JSON as it came
    }
  } else if (responseBody === undefined) responseBody = options.encoding === null ? Buffer.alloc(0) : '';
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

class Client {
  constructor(options = {}) {
    this.request = options.request || sendRequestPromise;
    this.baseOptions = {};
    // an API section named like a request option is not one
    this.oauth = new OAuthSection(this);
    if (options.username) this.baseOptions.auth = { user: options.username, pass: options.password };
    if (options.timeout) this.baseOptions.timeout = options.timeout;
  }

  get(uri) {
    return this.request({ ...this.baseOptions, uri, json: true });
  }
}

module.exports = Client;
