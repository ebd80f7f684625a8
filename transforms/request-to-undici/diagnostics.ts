/** Diagnostic codes of request-to-undici and what each asks of the user (the transform's meta). */
import { undiciSupportDiagnostics } from '../shared/undici-support';
import type { DiagnosticSpecs } from '../../core/diagnostic';

export const diagnosticCodes = {
  REQUEST_UNSUPPORTED_OPTION: {
    severity: 'warning',
    summary:
      'A request option with no faithful undici equivalent (jar, proxy, agentOptions, oauth, formData, multipart, ' +
      'har, ca, …), named at the property that sets it: the call is left as it was.',
  },
  REQUEST_DYNAMIC_OPTIONS: {
    severity: 'warning',
    summary:
      'The options are built when the code runs: the helper applies the request options it supports and throws ' +
      'for one it does not, instead of ignoring it.',
  },
  REQUEST_STREAM_API: {
    severity: 'warning',
    summary:
      'request is used as a stream (pipe, events) or its Request object is used: convert it by hand with ' +
      "stream.pipeline over undici.request's body; the call is left as it was.",
  },
  REQUEST_CALLBACK_SHAPE: {
    severity: 'warning',
    summary:
      'The callback reads `this` or `arguments` (request set them), or request-promise was given a callback: the ' +
      'call is left as it was.',
  },
  REQUEST_UNSUPPORTED_USE: {
    severity: 'warning',
    summary:
      'A use of the request family with no undici conversion here (request.defaults, request.jar, cookies, a call ' +
      'of another form): left as it was.',
  },
  REQUEST_PASSED_ON: {
    severity: 'info',
    summary:
      'request (or request-promise) is passed on as a value: it became a function with the same call over undici, ' +
      'without members such as .get or .defaults.',
  },
  REQUEST_TYPES_KEPT: {
    severity: 'info',
    summary:
      "The file imports the request family's types only for type positions: the import stays (erased when " +
      'compiled); the converted calls return plain { statusCode, headers, body } objects and native promises.',
  },
  BLUEBIRD_ONLY_METHOD: {
    severity: 'warning',
    summary:
      "A method of request-promise's Bluebird promise that native promises lack (.spread, .tap, .cancel, " +
      '.promise(), a filtered .catch): the call is left as it was.',
  },
  REQUEST_NOCK_NOT_INTERCEPTED: {
    severity: 'warning',
    summary:
      "nock does not intercept undici.request (before 14 it patches only Node's http module; 14 adds the global " +
      "fetch): this file's mocks no longer see the converted requests; use undici's MockAgent.",
  },
  ...undiciSupportDiagnostics,
} satisfies DiagnosticSpecs;
