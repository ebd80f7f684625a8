/**
 * request-to-undici: moves request, request-promise and request-promise-native to undici, keeping what
 * the server receives and what the code observes, through one helper written once per file:
 *
 *   request(opts, (err, res, body) => { … })   →   const [err, res, body] = await sendRequest(opts)
 *                                                    .then((response) => [null, response, response.body], (e) => [e]);
 *   rp({ uri, json: true })                    →   sendRequestPromise({ uri, json: true })
 *
 * Decisions, from ../shared/research/semantics.md §3–4 and request's source:
 * - The callback keeps request's values: a network error reaches `err`, any status is a response; the
 *   callback body is inlined after an await only as the last statement of a named function that can
 *   become async (code after the call used to run before the response), else undici's promise calls it.
 * - request-promise: StatusCodeError for a status other than 2xx when `simple`, RequestError for a
 *   network error, TransformError, HEAD resolving to the headers, `resolveWithFullResponse`.
 * - The helper holds only the option handling the file's calls use; options built at runtime get all of
 *   it and a check that throws for an option with no undici equivalent.
 * - `const api = request.defaults(options)` called only: a function of the helper with the defaults
 *   deep-merged under each call's options.
 * Refused (left as it was, located diagnostic): jar, proxy, agentOptions, oauth, formData, multipart, har,
 * TLS files and other options with no faithful equivalent; streams and events; a reassigned request or
 * another use of request.defaults; Bluebird methods on request-promise's promise. A file that loads nock
 * gets a warning: nock before 14 does not intercept undici.
 */
import type { Collection } from 'jscodeshift';
import type { Transform, TransformContext } from '../shared/types';
import { toJscodeshift } from '../shared/to-jscodeshift';
import { checkUndiciSupport, chooseUndiciRange } from '../shared/undici-support';
import { convertUses } from './convert-uses';
import { diagnosticCodes } from './diagnostics';
import { findNockLoad, findRequestUses, requestLibraries, type RequestUse } from './find-request-uses';
import { finishFile } from './finish-file';
import { createRequestState } from './request-state';

const prefilterPattern = /['"](?:request(?:-promise(?:-native)?)?|nock)['"]/;

/**
 * nock patches Node's http module (and, from version 14, the global fetch), never undici.request: a test
 * that mocks request's calls with it sends the converted calls to the network (verified with nock 10 and
 * 14.0.17 against undici 7). Reported where the test loads nock, when the project uses the request family
 * (or its dependencies are unknown) and undici can be installed at all.
 */
function reportNock(context: TransformContext, root: Collection): void {
  const nock = findNockLoad(context.j, root);
  // a project whose engines.node keeps undici out converts nothing: its mocks keep working
  if (!nock || !chooseUndiciRange(context.nodeEngines)) return;
  const ranges = context.dependencyRanges ?? null;
  if (ranges && !requestLibraries.some((library) => library in ranges)) return;
  const version = ranges?.nock ? `this project's nock (${ranges.nock})` : 'nock';
  context.report({
    code: 'REQUEST_NOCK_NOT_INTERCEPTED',
    node: nock,
    message:
      `${version} does not intercept undici.request (it patches Node's http module, and from version 14 the ` +
      'global fetch): the requests request-to-undici converted no longer reach these mocks and go to the ' +
      'network; mock them with undici MockAgent (setGlobalDispatcher(mockAgent))',
  });
}

function applyRequestToUndici(root: Collection, context: TransformContext): boolean {
  reportNock(context, root);
  const uses: RequestUse[] = findRequestUses(context.j, root);
  if (uses.length === 0) return false;
  const support = checkUndiciSupport(context);
  if (!('range' in support)) {
    const first = uses[0];
    const node = first.kind === 'call' ? first.call : first.kind === 'defaults' ? first.declarator : first.ref;
    context.report({ code: support.code, node, message: support.message });
    return false;
  }
  const { range } = support;
  for (const library of new Set(uses.map((u) => u.library))) {
    context.requestDependency({ name: library, kind: 'remove-if-unused' });
  }
  const state = createRequestState(context.j, root, context);
  if (convertUses(state, uses) === 0) return false;
  finishFile(state);
  context.requestDependency({ name: 'undici', range, kind: 'add' });
  if (state.needs.features.has('qs') || state.needs.features.has('form')) {
    context.requestDependency({ name: 'qs', range: '^6.5.0', kind: 'add' });
  }
  return true;
}

export const requestToUndici: Transform = {
  meta: {
    name: 'request-to-undici',
    description:
      'Moves request, request-promise and request-promise-native calls to undici, keeping the request sent, the ' +
      "callback's err/res/body and request-promise's results and errors.",
    options: {},
    diagnostics: diagnosticCodes,
  },
  prefilter(source: string): boolean {
    return prefilterPattern.test(source);
  },
  apply(root, context): boolean {
    return applyRequestToUndici(root, context);
  },
};

export { requestLibraries };
export default toJscodeshift(requestToUndici);
