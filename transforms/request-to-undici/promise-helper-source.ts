/**
 * request-promise's layer over the sendRequest helper, written once per file that calls request-promise:
 *   rp(options) → sendRequestPromise(options): the body (or the full response with
 *   resolveWithFullResponse, the headers for HEAD), a transform applied as request-promise-core applies it;
 *   StatusCodeError ("404 - \"body\"", statusCode, error) for a status other than 2xx while `simple`,
 *   RequestError (String(cause), cause) for a network error, TransformError when the transform throws.
 */
import { buildSignature, type HelperNeeds } from './helper-parts';
import { placeholders } from './placeholders';

/** `async function sendRequestPromise(uri, options) { … }`: request-promise's results and errors. */
export function buildSendRequestPromiseSource(name: string, sendRequest: string, needs: HelperNeeds): string {
  const any = needs.isTypeScript ? ': any' : '';
  const signature = buildSignature(name, needs);
  const merge = placeholders.mergeRequestOptions;
  return [
    '// request-promise over undici: the body (or the full response), StatusCodeError for a status other than 2xx',
    signature,
    `  let settings${any};`,
    `  if (typeof options === 'object' && options !== null) settings = { ...options, uri };`,
    `  else settings = typeof uri === 'string' ? { uri } : { ...uri };`,
    ...(needs.features.has('defaults')
      ? [`  if (defaults) settings = ${merge}(${merge}({}, defaults), settings);`]
      : []),
    `  const full = settings.resolveWithFullResponse === true;`,
    '  // request-promise resolves a HEAD to the headers',
    `  const head = (body${any}, response${any}) => (full ? response : response.headers);`,
    `  const transform = settings.transform || (String(settings.method).toUpperCase() === 'HEAD' ? head : null);`,
    `  let response${any};`,
    '  try {',
    `    response = await ${sendRequest}(settings);`,
    `  } catch (cause${any}) {`,
    "    const fields = { name: 'RequestError', cause, error: cause, options: settings, response: undefined };",
    '    throw Object.assign(new Error(String(cause)), fields);',
    '  }',
    '  const is2xx = /^2/.test(String(response.statusCode));',
    '  let result = full ? response : response.body;',
    '  if (transform && (is2xx || settings.transform2xxOnly !== true)) {',
    '    try {',
    '      result = await transform(response.body, response, full);',
    `    } catch (cause${any}) {`,
    "      const fields = { name: 'TransformError', cause, error: cause, options: settings, response };",
    '      throw Object.assign(new Error(String(cause)), fields);',
    '    }',
    '  }',
    '  if (settings.simple !== false && !is2xx) {',
    '    throw Object.assign(new Error(`${response.statusCode} - ${JSON.stringify(response.body)}`), {',
    "      name: 'StatusCodeError',",
    '      statusCode: response.statusCode,',
    '      error: response.body,',
    '      options: settings,',
    '      response: transform && settings.transform2xxOnly !== true ? result : response,',
    '    });',
    '  }',
    '  return result;',
    '}',
  ].join('\n');
}
