/** A reason to leave a call exactly as it is, reported as a diagnostic at `node`. */
import { undiciSupportDiagnostics } from '../shared/undici-support';
import type { ASTNode } from 'jscodeshift';
import type { DiagnosticSpecs } from '../../core/diagnostic';
import { awaitSiteDiagnostics } from '../shared/await-site';

export interface Refusal {
  code: string;
  message: string;
  node: ASTNode;
}

export type Planned<T> = { ok: true; value: T } | { ok: false; refusal: Refusal };

export function refuse<T>(code: string, node: ASTNode, message: string): Planned<T> {
  return { ok: false, refusal: { code, node, message } };
}

export function accept<T>(value: T): Planned<T> {
  return { ok: true, value };
}

/** Diagnostic codes of this transform and what each means for the user (the transform's meta). */
export const diagnosticCodes = {
  ...awaitSiteDiagnostics,
  SYNCREQ_UNSUPPORTED_OPTION: {
    severity: 'warning',
    summary:
      'A sync-request option with no faithful undici equivalent (cache, form, agent, socketTimeout, gzip, ' +
      'allowRedirectHeaders, a retry that is not a literal, …): the call is left as it was.',
  },
  SYNCREQ_DYNAMIC_OPTIONS: {
    severity: 'warning',
    summary:
      'The options (or the headers next to `json`) are not an object literal the transform can read: the call is ' +
      'left as it was.',
  },
  SYNCREQ_DYNAMIC_METHOD: {
    severity: 'warning',
    summary:
      'The HTTP method is computed and the call sends a body or json (whose handling depends on the method): the ' +
      'call is left as it was.',
  },
  SYNCREQ_BODY_ON_GET: {
    severity: 'warning',
    summary: 'sync-request throws for a body on GET/HEAD/DELETE; undici would send it: the call is left as it was.',
  },
  SYNCREQ_QS_URL: {
    severity: 'warning',
    summary:
      'With `qs`, sync-request merges the query into the query string the URL already has; the URL is not a literal ' +
      'the transform can read, so the call is left as it was.',
  },
  SYNCREQ_URL_CREDENTIALS: {
    severity: 'warning',
    summary:
      'undici drops `user:pass@` from the URL where sync-request sent an Authorization header: the call is left as ' +
      'it was.',
  },
  SYNCREQ_ACCEPT_ENCODING: {
    severity: 'warning',
    summary:
      'sync-request decodes gzip/deflate when you send Accept-Encoding; undici.request does not: the call is left ' +
      'as it was.',
  },
  SYNCREQ_RESPONSE_ESCAPES: {
    severity: 'warning',
    summary:
      'The response is used in a way the transform cannot follow (returned, passed on, an unknown member, detached ' +
      'getBody): the call is left as it was.',
  },
  HTTP_MOCK_OF_MIGRATED_MODULE: {
    severity: 'warning',
    summary:
      'A test mocks sync-request or sync-fetch (jest.mock, vi.mock, proxyquire, …); migrated code calls undici, ' +
      'which the mock does not replace: mock undici (MockAgent, nock >= 14) instead.',
  },
  HTTP_TYPE_USE: {
    severity: 'warning',
    summary:
      'A sync-request or sync-fetch type is used (request.HttpVerb): the import stays for it; the message names ' +
      "undici's counterpart where there is one.",
  },
  SYNCREQ_UNSUPPORTED_USE: {
    severity: 'warning',
    summary:
      'sync-request is used other than by calling it (the function passed on, or one of its other exports): that ' +
      'use is left as it was.',
  },
  SYNCREQ_GETBODY_POSITION: {
    severity: 'warning',
    summary:
      'getBody() (or a request read in place, like request(…).statusCode) runs conditionally, in a loop test, or ' +
      'after another call in its statement, so the code it needs cannot be placed before it: the call is left as ' +
      'it was.',
  },
  SYNCREQ_TIMEOUT_ERROR: {
    severity: 'info',
    summary:
      "`timeout` became `headersTimeout`: it fires at the same point, but the error is undici's " +
      'HeadersTimeoutError (code UND_ERR_HEADERS_TIMEOUT) instead of Error("Request timed out after <n>ms"), and ' +
      'undici checks it on a ~0.5 s tick (up to ~1 s late).',
  },
  SYNCREQ_MAX_REDIRECTS_IGNORED: {
    severity: 'info',
    summary:
      'sync-request ignored `maxRedirects` (its default gzip layer drops it) and followed redirects without limit; ' +
      'the migrated call follows up to 20 like the rest.',
  },
  SYNCREQ_HEADER_SHAPE: {
    severity: 'info',
    summary:
      'undici gives a single set-cookie as a string and a repeated header as an array, where sync-request gave an ' +
      'array / a comma-joined string: check this read.',
  },
  SYNCFETCH_UNSUPPORTED_OPTION: {
    severity: 'warning',
    summary:
      'A sync-fetch option with no faithful fetch equivalent (follow, compress, size, agent, signal, redirect: ' +
      'manual, or options the transform cannot read): the call is left as it was.',
  },
  SYNCFETCH_UNSUPPORTED_USE: {
    severity: 'warning',
    summary:
      'A sync-fetch export or response member with no faithful equivalent (fetch.Headers, res.headers.raw(), ' +
      'res.clone(), a body read in a nested function, a response passed on): left as it was.',
  },
  SYNCFETCH_TIMEOUT_ERROR: {
    severity: 'info',
    summary:
      '`timeout` became `signal: AbortSignal.timeout(n)`: it aborts at the same point but rejects with a ' +
      'DOMException TimeoutError instead of a FetchError.',
  },
  SYNCFETCH_ERROR_SHAPE: {
    severity: 'info',
    summary:
      "A network failure now rejects with TypeError('fetch failed') and the system error (its code, e.g. " +
      "ECONNREFUSED) in `error.cause`, where sync-fetch threw a FetchError with `type: 'system'` and `code` on " +
      'the error itself: check code that catches it.',
  },
  SYNCFETCH_JSON_UNKNOWN: {
    severity: 'info',
    summary:
      "(TypeScript) undici's fetch types json() as Promise<unknown> where sync-fetch was untyped: the compiler may " +
      'ask for a type assertion at this read.',
  },
  ...undiciSupportDiagnostics,
} satisfies DiagnosticSpecs;

export type DiagnosticCode = keyof typeof diagnosticCodes;
