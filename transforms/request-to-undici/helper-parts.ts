/**
 * What the helpers are built from: the features a file's calls need, the options no helper honours,
 * the signature, and request.defaults' merge.
 */
export type HelperFeature =
  | 'baseUrl'
  | 'qs'
  | 'form'
  | 'json'
  | 'auth'
  | 'gzip'
  | 'strictSSL'
  | 'timeout'
  | 'encoding'
  | 'check'
  /** Credentials in the URL (`https://user:pass@host`), sent as Basic auth as request did. */
  | 'urlAuth'
  /** A `request.defaults(…)` wrapper: the helpers take the defaults as a third argument. */
  | 'defaults';

export interface HelperNeeds {
  features: ReadonlySet<HelperFeature>;
  /** request-promise's layer (sendRequestPromise) is used. */
  promise: boolean;
  isTypeScript: boolean;
}

/** request options the helper cannot honour: a call built at runtime that passes one gets an error. */
export const unsupportedOptions = [
  'jar',
  'proxy',
  'tunnel',
  'agent',
  'agentOptions',
  'agentClass',
  'forever',
  'pool',
  'oauth',
  'hawk',
  'aws',
  'httpSignature',
  'har',
  'multipart',
  'formData',
  'time',
  'followAllRedirects',
  'followOriginalHttpMethod',
  'removeRefererHeader',
  'ca',
  'cert',
  'key',
  'passphrase',
  'pfx',
  'localAddress',
  'useQuerystring',
  'jsonReviver',
  'jsonReplacer',
  'callback',
] as const;

/** Words joined by spaces into lines of at most `width` characters, each starting with `indent`. */
export function wrapWords(words: string[], indent: string, width: number): string[] {
  const lines: string[] = [];
  for (const word of words) {
    const last = lines.length - 1;
    if (last >= 0 && lines[last].length + 1 + word.length <= width) lines[last] += ` ${word}`;
    else lines.push(indent + word);
  }
  return lines;
}

/** `async function name(uri, options[, defaults])`, typed loosely in TypeScript. */
export function buildSignature(name: string, needs: HelperNeeds): string {
  const defaults = needs.features.has('defaults');
  if (!needs.isTypeScript) return `async function ${name}(uri, options${defaults ? ', defaults' : ''}) {`;
  return `async function ${name}(uri: any, options?: any${defaults ? ', defaults?: any' : ''}): Promise<any> {`;
}

/** request.defaults' merge (extend(true, …)): plain objects merged key by key, undefined skipped. */
export function buildMergeSource(name: string, needs: HelperNeeds): string {
  const any = needs.isTypeScript ? ': any' : '';
  return [
    "// request.defaults(…): the defaults deep-merged under a call's own options, as request merged them",
    `function ${name}(target${any}, source${any})${any} {`,
    `  const isPlain = (value${any}) =>`,
    "    value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype;",
    '  for (const [key, value] of Object.entries(source)) {',
    '    if (value === undefined) continue;',
    `    target[key] = isPlain(value) ? ${name}(isPlain(target[key]) ? target[key] : {}, value) : value;`,
    '  }',
    '  return target;',
    '}',
  ].join('\n');
}
