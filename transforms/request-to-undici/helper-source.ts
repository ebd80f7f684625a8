/**
 * The helper a converted file gets once: request's options and response over undici.request, written
 * with only the parts the file's calls use (every supported part when an options object is built at
 * runtime, plus a check that throws for an option it does not support). Facts from
 * ../shared/research/semantics.md §3 and request@2.88.2's own source:
 *   const res = await sendRequest(uri, options);       → { statusCode, headers, body } as request's
 *                                                        callback saw them (a 404 is not an error)
 *   const body = await sendRequestPromise(uri, options); → request-promise's resolution and rejections
 * - GET/HEAD/OPTIONS follow up to `maxRedirects` (10) redirects; other methods never (request's default).
 * - `qs` is merged into the URL's query with the qs package (never undici's `query`, another encoding).
 * - `json`: accept header, JSON body and content-type, the response parsed (kept as text when it is not
 *   JSON, undefined when empty); `encoding: null` gives a Buffer; an explicit 'utf8' drops a BOM.
 * - `timeout` → headersTimeout and bodyTimeout, their errors rethrown as request's ESOCKETTIMEDOUT.
 * - Response headers folded as Node's http folds them: repeated values joined, set-cookie an array.
 */
import { buildSignature, unsupportedOptions, wrapWords, type HelperFeature, type HelperNeeds } from './helper-parts';
import { placeholders } from './placeholders';

const { request, getGlobalDispatcher, interceptors, Agent, qs, zlib, promisify } = placeholders;

function buildPreamble(needs: HelperNeeds, any: string): string[] {
  const merge = placeholders.mergeRequestOptions;
  const string = needs.isTypeScript ? ': string' : '';
  const has = (f: HelperFeature) => needs.features.has(f);
  const lines = [
    '  // request(uri, options): the options with the uri; request(options) or request(uri): one of them',
    `  if (typeof options === 'object' && options !== null) options = { ...options, uri };`,
    `  else options = typeof uri === 'string' ? { uri } : { ...uri };`,
    ...(has('defaults') ? [`  if (defaults) options = ${merge}(${merge}({}, defaults), options);`] : []),
  ];
  if (has('check')) {
    lines.push(
      '  // request options undici has no faithful equivalent for: an error rather than a request sent without them',
      '  const unsupported = [',
      ...wrapWords(
        unsupportedOptions.map((o) => `'${o}',`),
        '    ',
        100,
      ),
      '  ].find((name) => options[name] !== undefined);',
      `  const lazyAuth = options.auth && options.auth.sendImmediately === false;`,
      `  if (unsupported || lazyAuth || typeof options.followRedirect === 'function') {`,
      "    const name = unsupported || (lazyAuth ? 'auth.sendImmediately' : 'followRedirect');",
      '    throw new Error(`request option ${name} is not supported since the move to undici`);',
      '  }',
    );
  }
  lines.push(
    `  const method = (options.method || 'GET').toUpperCase();`,
    `  ${has('baseUrl') || has('qs') ? 'let' : 'const'} url${any} = options.uri || options.url;`,
  );
  if (has('baseUrl')) {
    lines.push(
      '  if (options.baseUrl) {',
      `    url = url === '' ? options.baseUrl : options.baseUrl.replace(/\\/$/, '') + '/' + url.replace(/^\\//, '');`,
      '  }',
    );
  }
  if (has('qs')) {
    lines.push(
      '  if (options.qs) {',
      `    const [path, query = ''] = url.split('#')[0].split('?');`,
      `    const merged = { ...${qs}.parse(query, options.qsParseOptions), ...options.qs };`,
      `    const search = ${qs}.stringify(merged, options.qsStringifyOptions);`,
      `    if (search !== '') url = path + '?' + search;`,
      '  }',
    );
  }
  lines.push(
    `  const headers${any} = {};`,
    '  for (const [name, value] of Object.entries(options.headers || {})) {',
    '    if (value !== undefined) headers[name] = value;',
    '  }',
    ...(['json', 'form', 'gzip', 'urlAuth'].some((f) => has(f as HelperFeature))
      ? [`  const hasHeader = (name${string}) => Object.keys(headers).some((key) => key.toLowerCase() === name);`]
      : []),
    `  ${has('json') || has('form') ? 'let' : 'const'} body = options.body;`,
  );
  return lines;
}

function buildBodyOptions(needs: HelperNeeds): string[] {
  const string = needs.isTypeScript ? ': string' : '';
  const has = (f: HelperFeature) => needs.features.has(f);
  const lines: string[] = [];
  if (has('form')) {
    lines.push(
      '  if (options.form) {',
      `    if (!hasHeader('content-type')) headers['content-type'] = 'application/x-www-form-urlencoded';`,
      `    const escape = (c${string}) => '%' + c.charCodeAt(0).toString(16).toUpperCase();`,
      `    if (typeof options.form === 'string') body = options.form.replace(/[!'()*]/g, escape);`,
      `    else body = ${qs}.stringify(options.form, options.qsStringifyOptions);`,
      '  }',
    );
  }
  if (has('json')) {
    lines.push(
      '  if (options.json) {',
      `    if (!hasHeader('accept')) headers.accept = 'application/json';`,
      `    if (typeof options.json !== 'boolean' || body !== undefined) {`,
      `      body = JSON.stringify(typeof options.json === 'boolean' ? body : options.json);`,
      `      if (!hasHeader('content-type')) headers['content-type'] = 'application/json';`,
      '    }',
      '  }',
    );
  }
  if (has('auth')) {
    lines.push(
      '  if (options.auth) {',
      '    const { user = options.auth.username, pass = options.auth.password, bearer } = options.auth;',
      "    for (const key of Object.keys(headers)) if (key.toLowerCase() === 'authorization') delete headers[key];",
      '    headers.authorization =',
      "      bearer !== undefined ? 'Bearer ' + ((typeof bearer === 'function' ? bearer() : bearer) || '')",
      "        : 'Basic ' + Buffer.from(user + ':' + (pass || '')).toString('base64');",
      '  }',
    );
  }
  if (has('gzip')) {
    lines.push(`  if (options.gzip && !hasHeader('accept-encoding')) headers['accept-encoding'] = 'gzip, deflate';`);
  }
  if (has('urlAuth')) {
    lines.push(
      '  // user:pass@ in the URL: request sent it as Basic auth (unless one was set); undici drops it silently',
      '  const { username, password } = new URL(url);',
      "  if ((username || password) && !hasHeader('authorization')) {",
      "    const credentials = decodeURIComponent(username) + ':' + decodeURIComponent(password);",
      "    headers.authorization = 'Basic ' + Buffer.from(credentials).toString('base64');",
      '  }',
    );
  }
  return lines;
}

function buildDispatcher(needs: HelperNeeds): string[] {
  const strict = needs.features.has('strictSSL');
  return [
    '  // request follows redirects for GET, HEAD and OPTIONS only; undici.request follows none without this',
    `  const follow = options.followRedirect !== false && ['GET', 'HEAD', 'OPTIONS'].includes(method);`,
    ...(strict
      ? [
          '  const dispatcher =',
          '    options.strictSSL === false || options.rejectUnauthorized === false',
          `      ? new ${Agent}({ connect: { rejectUnauthorized: false } })`,
          `      : ${getGlobalDispatcher}();`,
        ]
      : [`  const dispatcher = ${getGlobalDispatcher}();`]),
  ];
}

function buildExchange(needs: HelperNeeds, any: string): string[] {
  const timeout = needs.features.has('timeout');
  const indent = timeout ? '    ' : '  ';
  const exchange = [
    `response = await ${request}(url, {`,
    '  method,',
    '  headers,',
    '  body,',
    '  dispatcher: follow',
    `    ? dispatcher.compose(${interceptors}.redirect({ maxRedirections: options.maxRedirects ?? 10 }))`,
    '    : dispatcher,',
    ...(timeout ? ['  headersTimeout: options.timeout,', '  bodyTimeout: options.timeout,'] : []),
    '});',
    'buffer = Buffer.from(await response.body.arrayBuffer());',
  ].map((line) => indent + line);
  if (!timeout) {
    const declared = exchange.map((line) =>
      line
        .replace(/^  response = /, '  const response = ')
        .replace(/^  buffer = /, needs.features.has('gzip') ? '  let buffer = ' : '  const buffer = '),
    );
    return [...buildDispatcher(needs), ...declared];
  }
  return [
    ...buildDispatcher(needs),
    `  let response${any};`,
    `  let buffer${any};`,
    '  try {',
    ...exchange,
    `  } catch (error${any}) {`,
    "    if (error.code !== 'UND_ERR_HEADERS_TIMEOUT' && error.code !== 'UND_ERR_BODY_TIMEOUT') throw error;",
    "    throw Object.assign(new Error('ESOCKETTIMEDOUT'), { code: 'ESOCKETTIMEDOUT', connect: false });",
    '  }',
  ];
}

/** The body as request gave it: text (or a Buffer, with encoding: null), parsed when json, '' when empty. */
function buildResponseBody(needs: HelperNeeds, any: string): string[] {
  const has = (f: HelperFeature) => needs.features.has(f);
  if (!has('json') && !has('encoding')) return ['  const responseBody = buffer.toString();'];
  const lines = [`  let responseBody${any};`, '  if (buffer.length > 0) {'];
  if (has('encoding')) {
    lines.push(
      '    responseBody = options.encoding === null ? buffer : buffer.toString(options.encoding);',
      "    // request dropped a BOM only when 'utf8' was asked for",
      "    if (options.encoding === 'utf8') responseBody = responseBody.replace(/^\\uFEFF/, '');",
    );
  } else {
    lines.push('    responseBody = buffer.toString();');
  }
  lines.push('  }');
  const empty = has('encoding') ? "options.encoding === null ? Buffer.alloc(0) : ''" : "''";
  if (!has('json')) return [...lines, `  if (responseBody === undefined) responseBody = ${empty};`];
  return [
    ...lines,
    '  if (options.json) {',
    '    try {',
    '      responseBody = JSON.parse(responseBody);',
    '    } catch {',
    '      // request kept a body that is not JSON as it came',
    '    }',
    `  } else if (responseBody === undefined) responseBody = ${empty};`,
  ];
}

function buildResponse(needs: HelperNeeds, any: string): string[] {
  const has = (f: HelperFeature) => needs.features.has(f);
  const lines: string[] = [];
  if (has('gzip')) {
    lines.push(
      `  const contentEncoding = String(response.headers['content-encoding'] || '').trim().toLowerCase();`,
      `  if (options.gzip && method !== 'HEAD' && response.statusCode !== 204 && response.statusCode !== 304) {`,
      `    const flush = { flush: ${zlib}.constants.Z_SYNC_FLUSH, finishFlush: ${zlib}.constants.Z_SYNC_FLUSH };`,
      `    if (contentEncoding === 'gzip') buffer = await ${promisify}(${zlib}.gunzip)(buffer, flush);`,
      `    if (contentEncoding === 'deflate') buffer = await ${promisify}(${zlib}.inflate)(buffer, flush);`,
      '  }',
    );
  }
  lines.push(...buildResponseBody(needs, any));
  lines.push(
    `  const responseHeaders${any} = {};`,
    '  for (const [name, value] of Object.entries(response.headers)) {',
    "    if (name === 'set-cookie') responseHeaders[name] = Array.isArray(value) ? value : [value];",
    "    else responseHeaders[name] = Array.isArray(value) ? value.join(', ') : value;",
    '  }',
    '  return { statusCode: response.statusCode, headers: responseHeaders, body: responseBody };',
  );
  return lines;
}

/** `async function sendRequest(uri, options) { … }`: request's callback values, over undici. */
export function buildSendRequestSource(name: string, needs: HelperNeeds): string {
  const any = needs.isTypeScript ? ': any' : '';
  const signature = buildSignature(name, needs);
  return [
    '// request(uri, options, callback) over undici: what request sent, and the response and body it called back with',
    signature,
    ...buildPreamble(needs, any),
    ...buildBodyOptions(needs),
    ...buildExchange(needs, any),
    ...buildResponse(needs, any),
    '}',
  ].join('\n');
}
