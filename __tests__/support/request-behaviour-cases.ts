/**
 * The shapes the request-family behaviour test runs twice: as written (the real request and
 * request-promise packages) and as request-to-undici migrates them. Each case is a CommonJS module that
 * exports `run(base)`; routes are those of ./http-server.ts. Callback cases report what the callback saw
 * (`seen`: err message/code, status, a header, the body and whether it is a Buffer).
 */
import type { BehaviourCase } from './http-behaviour-cases';

const seen = `function seen(err, res, body) {
  return {
    err: err ? { message: err.message, code: err.code } : null,
    status: res && res.statusCode,
    type: res && res.headers['content-type'],
    cookie: res && res.headers['set-cookie'],
    dup: res && res.headers['x-dup'],
    isBuffer: Buffer.isBuffer(body),
    body: Buffer.isBuffer(body) ? body.toString('base64') : body,
    same: res ? res.body === body : '<no res>',
  };
}`;

/**
 * A named function without a callback of its own whose last statement is the request call: the
 * callback is inlined after an await (the function becomes async; its caller here does not await it).
 */
const awaited = (name: string, call: string): BehaviourCase => ({
  name,
  ext: 'js',
  source: `const request = require('request');
${seen}
function fetchIt(base, results) {
  ${call.replace(/\n/g, '\n  ').replace(/done\(/g, 'results.push(')}
}
module.exports = (base) => {
  const results = [];
  fetchIt(base, results);
  return new Promise((resolve) => {
    const timer = setInterval(() => results.length > 0 && (clearInterval(timer), resolve(results[0])), 5);
  });
};
`,
});

/** The call inside a promise executor: the callback style stays, undici's promise calls it. */
const called = (name: string, call: string): BehaviourCase => ({
  name,
  ext: 'js',
  source: `const request = require('request');
${seen}
module.exports = (base) =>
  new Promise((done) => {
    ${call.replace(/\n/g, '\n    ')}
  });
`,
});

const rp = (name: string, body: string, library = 'request-promise'): BehaviourCase => ({
  name,
  ext: 'js',
  source: `const rp = require('${library}');
module.exports = async function run(base) {
  try {
    ${body.replace(/\n/g, '\n    ')}
  } catch (e) {
    return { name: e.name, message: e.message, statusCode: e.statusCode, error: e.error, causeCode: e.cause && e.cause.code };
  }
};
`,
});

const cb = '(err, res, body) => {\n  done(seen(err, res, body));\n}';

export const requestBehaviourCases: BehaviourCase[] = [
  awaited('callback-json-get', `request({ uri: base + '/json', json: true }, ${cb});`),
  awaited('callback-text-and-headers', `request(base + '/headers', ${cb});`),
  awaited('callback-404-is-not-an-error', `request.get(base + '/status/404', ${cb});`),
  awaited('callback-connection-refused', `request('http://127.0.0.1:1/json', ${cb});`),
  awaited('callback-url-credentials', `request(base.replace('//', '//ada:s%40cret@') + '/echo', ${cb});`),
  awaited('callback-url-password-only', `request(base.replace('//', '//:pw@') + '/echo', ${cb});`),
  awaited('callback-buffer-body', `request({ url: base + '/text', encoding: null }, ${cb});`),
  awaited('callback-utf8-drops-bom', `request({ url: base + '/bom', encoding: 'utf8' }, ${cb});`),
  awaited('callback-default-keeps-bom', `request(base + '/bom', ${cb});`),
  awaited('callback-empty-json-body', `request({ url: base + '/empty', json: true }, ${cb});`),
  awaited('callback-not-json-kept-as-text', `request({ url: base + '/text', json: true }, ${cb});`),
  awaited('callback-gzip', `request({ url: base + '/gzip', gzip: true, json: true }, ${cb});`),
  awaited('callback-gzip-not-asked-stays-compressed', `request({ url: base + '/gzip', encoding: null }, ${cb});`),
  awaited('callback-get-follows-redirect', `request(base + '/redirect', ${cb});`),
  awaited(
    'callback-redirect-not-followed-when-asked',
    `request({ url: base + '/redirect', followRedirect: false }, ${cb});`,
  ),
  awaited('callback-post-does-not-follow', `request.post({ url: base + '/redirect', body: 'x' }, ${cb});`),
  awaited(
    'callback-post-json-qs-headers-auth',
    `request(
  {
    method: 'post',
    baseUrl: base + '/',
    uri: '/echo?keep=1',
    qs: { page: 2, tags: ['a', 'b'], q: 'x y' },
    headers: { 'X-Trace': 7, 'x-none': undefined },
    auth: { user: 'ada', pass: 'secret' },
    json: { name: 'Ada' },
  },
  ${cb},
);`,
  ),
  awaited(
    'callback-form-and-bearer',
    `request.put(base + '/echo', { form: { a: [1, 2], b: 'x y' }, auth: { bearer: 't0k' } }, ${cb});`,
  ),
  awaited('callback-string-body-delete', `request.del({ url: base + '/echo', body: 'gone', json: false }, ${cb});`),
  awaited('callback-timeout', `request({ url: base + '/slow', timeout: 300 }, ${cb});`),
  called('then-named-callback', `const handle = ${cb};\nrequest({ url: base + '/json', json: true }, handle);`),
  called('then-inline-callback', `request({ url: base + '/created', json: true }, ${cb});\nvoid 0;`),
  called(
    'then-dynamic-options-qs-repeat',
    `const opts = Object.assign({}, { method: 'GET', uri: base + '/echo', qs: { id: [1, 2] } });\n` +
      `opts.qsStringifyOptions = { arrayFormat: 'repeat' };\nrequest(opts, ${cb});`,
  ),
  called(
    'defaults-wrapper-merges-headers',
    `const api = request.defaults({ baseUrl: base, json: true, headers: { 'x-app': 'demo', 'x-keep': 'k' } });\n` +
      `api.post('/echo', { body: { a: 1 }, headers: { 'x-app': 'call' } }, ${cb});`,
  ),
  rp(
    'rp-defaults-wrapper',
    `const api = rp.defaults({ baseUrl: base, json: true, qs: { from: 'defaults' } });\n` +
      `return [await api('/echo', { qs: { page: 2 } }), await api.get('/status/404').catch((e) => e.statusCode)];`,
  ),
  rp('rp-json-body', `return await rp({ uri: base + '/json', json: true });`),
  rp('rp-text-default', `return await rp(base + '/text');`),
  rp('rp-404-status-code-error', `return await rp(base + '/status/404');`),
  rp('rp-500-json-error', `return await rp.get({ uri: base + '/status/500', json: true });`),
  rp('rp-302-post-not-followed', `return await rp.post(base + '/redirect', { body: 'x' });`),
  rp('rp-connection-refused', `return await rp('http://127.0.0.1:1/json');`),
  rp(
    'rp-full-response-simple-false',
    `const res = await rp({ uri: base + '/status/404', simple: false, resolveWithFullResponse: true });\n` +
      `return { status: res.statusCode, body: res.body, type: res.headers['content-type'] };`,
  ),
  rp('rp-head-resolves-headers', `const h = await rp.head(base + '/headers');\nreturn h['x-single'];`),
  rp(
    'rp-transform',
    `return await rp({ uri: base + '/json', transform: (body, res) => ({ len: body.length, status: res.statusCode }) });`,
  ),
  rp('rp-timeout', `return await rp({ uri: base + '/slow', timeout: 300 });`),
  rp(
    'rp-native-post-json',
    `return await rp({ method: 'POST', uri: base + '/echo', body: { a: 1 }, json: true });`,
    'request-promise-native',
  ),
];

/** A `this.request(method, uriParts, opts, callback)` wrapper API like coinbase-pro-node's, called both ways. */
requestBehaviourCases.push({
  name: 'wrapper-api-callback-or-promise',
  ext: 'js',
  source: `const request = require('request');

class Client {
  constructor(base) {
    this.base = base;
  }
  get(...args) {
    return this.request('get', ...args);
  }
  post(...args) {
    return this.request('post', ...args);
  }
  request(method, uriParts, opts = {}, callback) {
    if (!callback && typeof opts === 'function') {
      callback = opts;
      opts = {};
    }
    Object.assign(opts, { method: method.toUpperCase(), uri: this.base + '/' + uriParts.join('/'), timeout: 1000 });
    opts.headers = { Accept: 'application/json', 'Content-Type': 'application/json' };
    const p = new Promise((resolve, reject) => {
      request(opts, this.makeRequestCallback(callback, resolve, reject));
    });
    if (callback) {
      p.catch(() => {});
      return undefined;
    }
    return p;
  }
  makeRequestCallback(callback, resolve, reject) {
    return (err, response, data) => {
      try {
        data = JSON.parse(data);
      } catch (e) {
        data = null;
      }
      if (!err && response.statusCode > 299) err = new Error('HTTP ' + response.statusCode);
      if (typeof callback === 'function') return err ? callback(err) : callback(null, response.statusCode, data);
      return err ? reject(err) : resolve(data);
    };
  }
}

module.exports = async function run(base) {
  const client = new Client(base);
  const viaPromise = await client.get(['json']);
  const viaCallback = await new Promise((resolve) => client.post(['echo'], { body: '{"a":1}', qs: { x: 1 } }, (err, status, data) => resolve({ err: err && err.message, status, data })));
  const failed = await client.get(['status', '404']).catch((e) => e.message);
  return { viaPromise, viaCallback, failed };
};
`,
});
