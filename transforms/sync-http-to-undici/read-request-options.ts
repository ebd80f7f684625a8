/**
 * Reads `request(method, url, options)` (sync-request) into a plan of what the undici call must send,
 * or refuses when an option has no faithful equivalent. Facts: then-request upper-cases the method,
 * `json` wins over `body` and is ignored (like a falsy value) for GET/DELETE/HEAD, a user content-type
 * header wins over json's, a body on GET/DELETE/HEAD throws, `qs` is merged with qs.stringify,
 * `maxRedirects` is ignored under the default gzip layer, `timeout` counts until response headers.
 */
import type { ASTNode, ASTPath, Collection, JSCodeshift } from 'jscodeshift';
import { accept, refuse, type Planned } from './refusal';
import { getPropertyName, getStaticKeys, readStringLiteral } from './static-values';

export interface SyncRequestPlan {
  /** Upper-cased, as then-request sends it; null when the method is computed (see methodNode). */
  method: string | null;
  methodNode: ASTNode;
  url: ASTNode;
  qs: ASTNode | null;
  /** The user's `headers` property (kept as written), its value, and its keys when they can be read. */
  headersProperty: ASTNode | null;
  headersKeys: string[] | null;
  /** The `json` value when it is sent (not for GET/DELETE/HEAD). */
  json: ASTNode | null;
  bodyProperty: ASTNode | null;
  timeoutProperty: ASTNode | null;
  followRedirects: boolean;
  /** The `maxRedirects` property sync-request ignored (for the info diagnostic). */
  ignoredMaxRedirects: ASTNode | null;
  /**
   * `retry: true` on a GET: http-basic retried a network error or a status >= 400 up to `maxRetries`
   * times (`|| 5`), `retryDelay` ms apart (`|| 200`). Other methods ignore it.
   */
  retry: { maxRetries: number; retryDelay: number } | null;
  /** `retry: true` was written (maxRetries and retryDelay alone do nothing). */
  retryRequested: boolean;
}

const withoutBody = new Set(['GET', 'HEAD', 'DELETE']);

const unsupportedAdvice: Record<string, string> = {
  cache: "undici's cache interceptor does not share sync-request's file cache",
  form: 'build an undici FormData body by hand',
  agent: 'undici pools connections itself; drop the option if a fresh agent per call was not needed',
  socketTimeout: 'choose between headersTimeout and bodyTimeout by hand',
  gzip: 'undici.request does not decompress; handle content-encoding by hand',
  allowRedirectHeaders: "undici's redirect interceptor keeps same-origin headers; check which ones may be re-sent",
};

type Prop = { type: string; key: ASTNode; value: ASTNode; computed?: boolean };

export function readRequestOptions(j: JSCodeshift, root: Collection, call: ASTPath): Planned<SyncRequestPlan> {
  const node = call.node as unknown as { arguments: ASTNode[] };
  const [methodNode, url, options] = node.arguments;
  if (!methodNode || !url || node.arguments.length > 3 || url.type === 'SpreadElement') {
    return refuse(
      'SYNCREQ_DYNAMIC_OPTIONS',
      call.node,
      'the call does not have the form request(method, url[, options])',
    );
  }
  const method = readStringLiteral(methodNode);
  const urlText = readStringLiteral(url);
  if (urlText !== null && /^[a-z]+:\/\/[^/?#]*@/i.test(urlText)) {
    return refuse('SYNCREQ_URL_CREDENTIALS', url, 'move the credentials into an Authorization header, then run again');
  }
  const plan: SyncRequestPlan = {
    method: method === null ? null : method.toUpperCase(),
    methodNode,
    url,
    qs: null,
    headersProperty: null,
    headersKeys: null,
    json: null,
    bodyProperty: null,
    timeoutProperty: null,
    followRedirects: true,
    ignoredMaxRedirects: null,
    retry: null,
    retryRequested: false,
  };
  if (
    options &&
    !(options.type === 'NullLiteral' || (options.type === 'Literal' && (options as { value?: unknown }).value === null))
  ) {
    if (options.type !== 'ObjectExpression') {
      return refuse(
        'SYNCREQ_DYNAMIC_OPTIONS',
        options,
        'write the options as an object literal, or convert this call by hand',
      );
    }
    const read = readOptionProperties(j, root, call, options, plan);
    if (read) return read;
  }
  return checkPlan(plan, url);
}

function readOptionProperties(
  j: JSCodeshift,
  root: Collection,
  call: ASTPath,
  options: ASTNode,
  plan: SyncRequestPlan,
): Planned<SyncRequestPlan> | null {
  for (const raw of (options as unknown as { properties: ASTNode[] }).properties) {
    const name = getPropertyName(raw);
    if (name === null)
      return refuse(
        'SYNCREQ_DYNAMIC_OPTIONS',
        raw,
        'spread or computed option keys cannot be read; list the options literally',
      );
    const prop = raw as unknown as Prop;
    switch (name) {
      case 'headers':
        plan.headersProperty = raw;
        plan.headersKeys = getStaticKeys(j, root, call, prop.value);
        break;
      case 'qs':
        plan.qs = prop.value;
        break;
      case 'json': // then-request: `if (options.json)` for methods with a body only
        if (!withoutBody.has(plan.method ?? '') && !isFalsyLiteral(prop.value)) plan.json = prop.value;
        break;
      case 'body':
        plan.bodyProperty = raw;
        break;
      case 'timeout': // `timeout: false` / `0` is sync-request's default: no timeout
        if (!isFalsyLiteral(prop.value)) plan.timeoutProperty = raw;
        break;
      case 'followRedirects': {
        const value = (prop.value as unknown as { value?: unknown }).value;
        if (typeof value !== 'boolean') return refuse('SYNCREQ_DYNAMIC_OPTIONS', raw, 'write it as true or false');
        plan.followRedirects = value;
        break;
      }
      case 'maxRedirects': // sync-request ignored it under its gzip layer (an info diagnostic says so)
        plan.ignoredMaxRedirects = raw;
        break;
      case 'retry':
      case 'maxRetries':
      case 'retryDelay': {
        const refusal = readRetryOption(name, raw, plan);
        if (refusal) return refusal;
        break;
      }
      default:
        return refuseUnknownOption(name, raw);
    }
  }
  return null;
}

function refuseUnknownOption(name: string, raw: ASTNode): Planned<SyncRequestPlan> {
  const advice = unsupportedAdvice[name] ?? 'it is not a sync-request option this transform knows';
  return refuse(
    'SYNCREQ_UNSUPPORTED_OPTION',
    raw,
    `option \`${name}\` has no faithful undici equivalent: ${advice}; convert this call by hand`,
  );
}

const retryAdvice = 'retries need a loop written for this call (GET only, status >= 400 or network error)';

/** `retry: true|false`, `maxRetries: <n>`, `retryDelay: <ms>` as literals; a function or a variable is refused. */
function readRetryOption(name: string, raw: ASTNode, plan: SyncRequestPlan): Planned<SyncRequestPlan> | null {
  const value = (raw as unknown as Prop).value as unknown as { type: string; value?: unknown };
  const literal = value.type === 'Literal' || /^(Boolean|Numeric)Literal$/.test(value.type) ? value.value : undefined;
  const expected = name === 'retry' ? 'boolean' : 'number';
  if (typeof literal !== expected) {
    return refuse(
      'SYNCREQ_UNSUPPORTED_OPTION',
      raw,
      `option \`${name}\` is converted only as a ${expected} literal: ${retryAdvice}; convert this call by hand`,
    );
  }
  const retry = plan.retry ?? { maxRetries: 5, retryDelay: 200 };
  // http-basic reads `options.maxRetries || 5` and `options.retryDelay || 200`
  if (name === 'retry') plan.retryRequested = literal as boolean;
  if (name === 'maxRetries') retry.maxRetries = (literal as number) || 5;
  if (name === 'retryDelay') retry.retryDelay = (literal as number) || 200;
  plan.retry = retry;
  return null;
}

function checkPlan(plan: SyncRequestPlan, url: ASTNode): Planned<SyncRequestPlan> {
  if (!plan.followRedirects) plan.ignoredMaxRedirects = null;
  if (plan.retryRequested && plan.method === null) {
    return refuse('SYNCREQ_DYNAMIC_METHOD', plan.methodNode, `with retry the method decides: ${retryAdvice}`);
  }
  // retry applies to GET only; without retry: true, maxRetries and retryDelay change nothing
  if (!plan.retryRequested || plan.method !== 'GET') plan.retry = null;
  if (plan.method === null && (plan.json || plan.bodyProperty)) {
    return refuse(
      'SYNCREQ_DYNAMIC_METHOD',
      plan.methodNode,
      'with a body or json the method decides what is sent (json and bodies are refused for GET/DELETE/HEAD); write ' +
        'it as a string literal, or convert this call by hand',
    );
  }
  if (plan.bodyProperty && withoutBody.has(plan.method ?? '')) {
    const value = (plan.bodyProperty as unknown as Prop).value as unknown as { type: string; value?: unknown };
    const isEmpty = value.type === 'Identifier' && (value as { name?: string }).name === 'undefined';
    if (!isEmpty)
      return refuse(
        'SYNCREQ_BODY_ON_GET',
        plan.bodyProperty,
        `sync-request throws "You cannot pass a body to a ${plan.method} request."; fix the call first`,
      );
    plan.bodyProperty = null;
  }
  if (plan.json) plan.bodyProperty = null;
  const keys = plan.headersKeys?.map((k) => k.toLowerCase()) ?? null;
  if (keys?.includes('accept-encoding')) {
    return refuse(
      'SYNCREQ_ACCEPT_ENCODING',
      plan.headersProperty ?? url,
      'decode the response yourself (zlib) or drop the header, then run again',
    );
  }
  if (plan.json && plan.headersProperty && keys === null) {
    return refuse(
      'SYNCREQ_DYNAMIC_OPTIONS',
      plan.headersProperty,
      'with `json`, the headers must be an object literal (or a const one) so the content-type rule can be kept',
    );
  }
  if (plan.qs && !isQueryFreeUrl(url)) {
    return refuse(
      'SYNCREQ_QS_URL',
      url,
      'write the URL as a literal or template without "?"/"#", or build the query string by hand with qs.stringify',
    );
  }
  return accept(plan);
}

function isFalsyLiteral(node: ASTNode): boolean {
  const n = node as unknown as { type: string; value?: unknown; name?: string };
  if (n.type === 'NullLiteral' || (n.type === 'Identifier' && n.name === 'undefined')) return true;
  return ['BooleanLiteral', 'NumericLiteral', 'StringLiteral', 'Literal'].includes(n.type) && !n.value;
}

/** A string or template literal whose literal parts contain no `?` or `#`. */
function isQueryFreeUrl(url: ASTNode): boolean {
  const text = readStringLiteral(url);
  if (text !== null) return !/[?#]/.test(text);
  if (url.type !== 'TemplateLiteral') return false;
  const quasis = (url as unknown as { quasis: { value: { cooked?: string | null; raw: string } }[] }).quasis;
  return quasis.every((q) => !/[?#]/.test(q.value.cooked ?? q.value.raw));
}
