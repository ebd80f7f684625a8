/**
 * The shapes the HTTP behaviour test runs twice, as written (real sync-request / sync-fetch) and as
 * sync-http-to-undici migrates them. A CommonJS case exports `run(base)`; an ES module case reads
 * `process.env.CASE_BASE` at top level (that is where the migrated code uses top-level await).
 * Routes are those of ./http-server.ts.
 */
export interface BehaviourCase {
  name: string;
  ext: 'js' | 'mjs';
  source: string;
  /** The case never reaches the test server (a network error). */
  sendsNothing?: boolean;
}

const cjs = (name: string, source: string): BehaviourCase => ({ name, ext: 'js', source });
const esm = (name: string, source: string): BehaviourCase => ({ name, ext: 'mjs', source });

export const behaviourCases: BehaviourCase[] = [
  cjs(
    'getBody-json',
    `const request = require('sync-request');
module.exports = function run(base) {
  const res = request('GET', base + '/json');
  return JSON.parse(res.getBody('utf8'));
};
`,
  ),
  cjs(
    'getBody-chained-text',
    `const request = require('sync-request');
module.exports = (base) => request('GET', base + '/text').getBody('utf8');
`,
  ),
  cjs(
    'getBody-without-encoding-is-a-buffer',
    `const request = require('sync-request');
module.exports = function run(base) {
  const body = request('GET', base + '/text').getBody();
  return { isBuffer: Buffer.isBuffer(body), body };
};
`,
  ),
  cjs(
    'getBody-404-caught-by-caller',
    `const request = require('sync-request');
module.exports = function run(base) {
  const res = request('GET', base + '/status/404');
  try {
    return res.getBody('utf8');
  } catch (err) {
    return { caught: err.message, statusCode: err.statusCode, body: err.body.toString(), url: err.url, keys: Object.keys(err).sort() };
  }
};
`,
  ),
  cjs(
    'getBody-500-thrown-to-caller',
    `const request = require('sync-request');
module.exports = function run(base) {
  return JSON.parse(request('GET', base + '/status/500').getBody('utf8'));
};
`,
  ),
  cjs(
    'status-404-without-getBody-does-not-throw',
    `const request = require('sync-request');
module.exports = function run(base) {
  const res = request('GET', base + '/status/404');
  return { status: res.statusCode, isError: res.isError(), body: res.body.toString() };
};
`,
  ),
  cjs(
    'post-json-201',
    `const request = require('sync-request');
module.exports = function run(base) {
  const res = request('POST', base + '/created', { json: { name: 'Ada', admin: false } });
  return { status: res.statusCode, body: JSON.parse(res.getBody('utf8')) };
};
`,
  ),
  cjs(
    'post-json-with-user-headers',
    `const request = require('sync-request');
module.exports = function run(base) {
  const res = request('POST', base + '/echo', { headers: { authorization: 'Bearer t', 'x-trace': 7 }, json: [1, 2] });
  return JSON.parse(res.getBody('utf8'));
};
`,
  ),
  cjs(
    'json-with-user-content-type',
    `const request = require('sync-request');
module.exports = function run(base) {
  const res = request('PATCH', base + '/echo', { headers: { 'Content-Type': 'application/merge-patch+json' }, json: { a: 1 } });
  return JSON.parse(res.getBody('utf8'));
};
`,
  ),
  cjs(
    'put-string-body',
    `const request = require('sync-request');
module.exports = function run(base) {
  const res = request('PUT', base + '/echo', { headers: { 'content-type': 'text/plain' }, body: 'plain text' });
  return JSON.parse(res.getBody('utf8'));
};
`,
  ),
  cjs(
    'lower-case-method-and-buffer-body',
    `const request = require('sync-request');
module.exports = function run(base) {
  const res = request('post', base + '/echo', { body: Buffer.from('bytes') });
  return JSON.parse(res.getBody('utf8'));
};
`,
  ),
  cjs(
    'computed-lower-case-method',
    `const request = require('sync-request');
function call(verb, url) {
  return request(verb, url).getBody('utf8');
}
module.exports = (base) => call('delete', base + '/echo');
`,
  ),
  cjs(
    'qs-merged-into-url',
    `const request = require('sync-request');
module.exports = function run(base) {
  const res = request('GET', \`\${base}/echo\`, { qs: { q: 'a b&c', page: 2, tags: ['x', 'y'], empty: null } });
  return JSON.parse(res.getBody('utf8'));
};
`,
  ),
  cjs(
    'redirect-followed',
    `const request = require('sync-request');
module.exports = function run(base) {
  const res = request('GET', base + '/redirect');
  return { status: res.statusCode, body: JSON.parse(res.getBody('utf8')) };
};
`,
  ),
  cjs(
    'redirect-not-followed-getBody-throws',
    `const request = require('sync-request');
module.exports = function run(base) {
  const res = request('GET', base + '/redirect', { followRedirects: false });
  return { status: res.statusCode, location: res.headers.location, body: res.getBody('utf8') };
};
`,
  ),
  cjs(
    'single-headers-read',
    `const request = require('sync-request');
module.exports = function run(base) {
  const res = request('GET', base + '/headers');
  return { single: res.headers['x-single'], type: res.headers['content-type'], missing: res.headers['x-none'] };
};
`,
  ),
  cjs(
    'response-read-twice',
    `const request = require('sync-request');
module.exports = function run(base) {
  const res = request('GET', base + '/json');
  const first = res.getBody('utf8');
  const second = res.getBody().toString();
  return { same: first === second, length: res.body.length, url: res.url };
};
`,
  ),
  cjs(
    'destructured-response',
    `const request = require('sync-request');
module.exports = function run(base) {
  const { statusCode, body } = request('GET', base + '/created');
  return { statusCode, body: body.toString('utf8') };
};
`,
  ),
  cjs(
    'discarded-post',
    `const request = require('sync-request');
module.exports = function run(base) {
  request('POST', base + '/echo', { json: { event: 'ping' } });
  return 'sent';
};
`,
  ),
  cjs(
    'inline-require',
    `module.exports = function run(base) {
  return require('sync-request')('GET', base + '/text').getBody('utf8').toUpperCase();
};
`,
  ),
  cjs(
    'sync-fetch-json-chained',
    `const fetch = require('sync-fetch');
module.exports = function run(base) {
  return fetch(base + '/json').json();
};
`,
  ),
  cjs(
    'sync-fetch-stored-response',
    `const fetch = require('sync-fetch');
module.exports = function run(base) {
  const res = fetch(base + '/text', { headers: { accept: 'text/plain' } });
  return { status: res.status, ok: res.ok, statusText: res.statusText, type: res.headers.get('content-type'), text: res.text() };
};
`,
  ),
  cjs(
    'sync-fetch-array-buffer-and-utf-8-getBody',
    `const fetch = require('sync-fetch');
const request = require('sync-request');
module.exports = function run(base) {
  const bytes = fetch(base + '/text').arrayBuffer();
  const text = request('GET', base + '/text').getBody('utf-8');
  return { fromFetch: Buffer.from(bytes).toString('utf8'), size: bytes.byteLength, fromRequest: text };
};
`,
  ),
  cjs(
    'sync-fetch-404',
    `const fetch = require('sync-fetch');
module.exports = function run(base) {
  const res = fetch(base + '/status/404');
  return { status: res.status, ok: res.ok, text: res.text() };
};
`,
  ),
  cjs(
    'sync-fetch-post-lower-case-method',
    `const fetch = require('sync-fetch');
module.exports = function run(base) {
  const res = fetch(base + '/echo', { method: 'post', headers: { 'x-trace': '9' }, body: 'payload' });
  return res.json();
};
`,
  ),
  cjs(
    'sync-fetch-buffer-and-redirect',
    `const fetch = require('sync-fetch');
module.exports = function run(base) {
  const res = fetch(base + '/redirect');
  return { redirected: res.redirected, url: res.url, status: res.status, data: res.buffer() };
};
`,
  ),
  cjs(
    'timeout-not-reached',
    `const request = require('sync-request');
module.exports = function run(base) {
  const res = request('GET', base + '/json', { timeout: 5000 });
  return res.getBody('utf8').length;
};
`,
  ),
  cjs(
    'getBody-only-on-one-branch',
    `const request = require('sync-request');
module.exports = function run(base) {
  const res = request('GET', base + '/status/500');
  if (res.statusCode === 200) {
    return res.getBody('utf8');
  }
  return 'fallback ' + res.statusCode;
};
`,
  ),
  cjs(
    'loop-of-chained-calls',
    `const request = require('sync-request');
module.exports = function run(base) {
  const statuses = [];
  for (const path of ['/json', '/created', '/status/404']) statuses.push(request('GET', base + path).statusCode);
  return statuses;
};
`,
  ),
  {
    ...cjs(
      'connection-refused',
      `const request = require('sync-request');
module.exports = function run() {
  return request('GET', 'http://127.0.0.1:1/nothing-listens-here').statusCode;
};
`,
    ),
    sendsNothing: true,
  },
  esm(
    'esm-top-level-getBody',
    `import request from 'sync-request';
const res = request('GET', process.env.CASE_BASE + '/json');
export const result = JSON.parse(res.getBody('utf8')).name;
`,
  ),
  esm(
    'esm-sync-fetch-top-level',
    `import fetch from 'sync-fetch';
export const result = fetch(process.env.CASE_BASE + '/created').json();
`,
  ),
  cjs(
    'retry-recovers-after-failures',
    `const request = require('sync-request');
module.exports = function run(base) {
  const res = request('GET', base + '/flaky/2', { retry: true, retryDelay: 20 });
  return { status: res.statusCode, body: res.getBody('utf8') };
};
`,
  ),
  cjs(
    'retry-gives-up-with-the-last-status',
    `const request = require('sync-request');
module.exports = function run(base) {
  const res = request('GET', base + '/flaky/9', { retry: true, maxRetries: 2, retryDelay: 10 });
  return { status: res.statusCode, body: res.body.toString() };
};
`,
  ),
  cjs(
    'retry-gives-up-then-getBody-throws',
    `const request = require('sync-request');
module.exports = (base) => request('GET', base + '/status/500', { retry: true, maxRetries: 1, retryDelay: 10 }).getBody();
`,
  ),
  cjs(
    'retry-ignored-for-post',
    `const request = require('sync-request');
module.exports = (base) => request('POST', base + '/flaky/1', { retry: true, body: 'x' }).statusCode;
`,
  ),
];

/** Shapes whose migrated form differs in a documented way: checked for that exact difference. */
export const documentedDifferenceCases: BehaviourCase[] = [
  cjs(
    'timeout-fires-before-headers',
    `const request = require('sync-request');
module.exports = function run(base) {
  return request('GET', base + '/slow', { timeout: 200 }).statusCode;
};
`,
  ),
  cjs(
    'post-answered-307',
    `const request = require('sync-request');
module.exports = function run(base) {
  const res = request('POST', base + '/redirect-307', { json: { a: 1 } });
  return JSON.parse(res.getBody('utf8')).method;
};
`,
  ),
  cjs(
    'url-after-redirect',
    `const request = require('sync-request');
module.exports = function run(base) {
  return request('GET', base + '/redirect').url;
};
`,
  ),
  cjs(
    'set-cookie-and-repeated-header-shape',
    `const request = require('sync-request');
module.exports = function run(base) {
  const res = request('GET', base + '/headers');
  return { cookie: res.headers['set-cookie'], dup: res.headers['x-dup'] };
};
`,
  ),
];
