/**
 * sync-http-to-undici: moves synchronous HTTP (sync-request, sync-fetch) to undici, keeping what the
 * server receives and what the code observes.
 *
 *   const res = request('GET', url);               const res = await request(url, { dispatcher: followRedirects });
 *   return JSON.parse(res.getBody('utf8'));   →    const resBody = Buffer.from(await res.body.arrayBuffer());
 *                                                  if (res.statusCode >= 300) { throw Object.assign(new Error(
 *                                                    `Server responded to ${url} with status code …`), {…}); }
 *                                                  return JSON.parse(resBody.toString('utf8'));
 *   fetch(url).json()  (sync-fetch)           →    await (await fetch(url)).json()      (undici's fetch)
 *
 * Decisions, from ../shared/research/semantics.md:
 * - getBody() throws for every status >= 300 with http-response-object's message and statusCode,
 *   headers, body, url: an explicit check at the place getBody() ran (never throwOnError, never the
 *   response-error interceptor: threshold 400 and another error).
 * - The body is read at the call, as sync-request buffered it (a Buffer); unread bodies are dump()ed.
 * - Redirects: sync-request follows by default, undici.request does not. The migrated call uses
 *   `getGlobalDispatcher().compose(interceptors.redirect({ maxRedirections: 20 }))`, which follows
 *   301/302/303/307/308 like sync-request for GET/HEAD/DELETE. Known differences, kept because no undici
 *   mode reproduces them and they only show on redirects: later hops keep same-origin request headers
 *   (sync-request dropped them all), a POST/PUT/PATCH answered 307/308 is repeated with its body
 *   (sync-request switched to a body-less GET), a 300 is followed, a loop stops after 20 hops instead of
 *   hanging, and `res.url` / the getBody() message name the requested URL, not the final one.
 *   `followRedirects: false` maps to no dispatcher (exact).
 * - `timeout` → `headersTimeout` (both count until the response headers, per hop; the error differs and
 *   undici checks the timer on a ~0.5 s tick, so it can fire up to ~1 s late: info diagnostic). Not
 *   `signal: AbortSignal.timeout(n)`, which would also cut off a slow body sync-request let finish. `qs` →
 *   qs.stringify appended to a URL literal without a query (exact, same package).
 * - Method upper-cased (undici sends it verbatim); `json` → JSON.stringify body + content-type unless the
 *   user set one, ignored for GET/DELETE/HEAD as then-request does.
 * - Headers: undici returns a repeated header as an array and a single set-cookie as a string; reads
 *   that can see the difference get an info diagnostic.
 * - `retry: true` on a GET → a loop written once per file (requestWithRetries): a network error or a
 *   status >= 400 is retried `maxRetries || 5` times, `retryDelay || 200` ms apart, as http-basic did;
 *   ignored for other methods, as it was. A retry written as a variable or function is refused.
 * Refused (call left exactly as it was, diagnostic): options with no faithful equivalent (cache,
 * form, agent, socketTimeout, gzip, …), options that cannot be read, a response that escapes, getBody()
 * evaluated conditionally, a call that cannot await (CommonJS top level, constructor, getter, generator).
 */
import type { DiagnosticInput, Transform, TransformContext } from '../shared/types';
import { toJscodeshift } from '../shared/to-jscodeshift';
import { findCurrentPath } from '../shared/current-path';
import { createConversionState } from './conversion-state';
import { convertSyncFetch } from './convert-sync-fetch';
import { convertSyncRequest } from './convert-sync-request';
import { findHttpCalls, type HttpUses } from './find-http-calls';
import { finishImports } from './finish-imports';
import { isMockConfiguration, reportMocks } from './mocks';
import { importTypes, reportTypeUses, rewriteTypeUses } from './type-uses';
import { captureHeaderComments, keepHeaderFirst } from '../shared/statement-comments';
import { diagnosticCodes } from './refusal';
import { checkUndiciSupport } from '../shared/undici-support';
import type { Collection } from 'jscodeshift';

import { findNodes } from '../../source/tree-walk';

function reportOtherUses(context: TransformContext, uses: HttpUses, mocked: ReadonlySet<string>): void {
  for (const use of uses.otherUses) {
    if (mocked.has(use.library) && isMockConfiguration(use.path)) continue;
    context.report({
      code: use.library === 'sync-fetch' ? 'SYNCFETCH_UNSUPPORTED_USE' : 'SYNCREQ_UNSUPPORTED_USE',
      node: use.path,
      message:
        `${use.library} is used here other than by calling it (a helper class, or the function passed on); ` +
        `convert this use by hand`,
    });
  }
}

function convertCalls(root: Collection, context: TransformContext, uses: HttpUses): boolean {
  const state = createConversionState(context.j, root, context);
  // ids first: they name the input's positions, which edits move
  const calls = uses.calls.map((c) => ({ ...c, node: c.call.node, id: context.conversionId(c.call) }));
  let converted = 0;
  for (const call of calls) {
    if (context.isSkipped(call.id)) continue;
    const path = findCurrentPath(
      root,
      call.call,
      call.node,
      () =>
        findNodes(context.j(root.get()), context.j.CallExpression)
          .filter((p) => p.node === call.node)
          .paths()[0],
    );
    if (!path) continue;
    const refusal =
      call.library === 'sync-request'
        ? convertSyncRequest(state, path, call.id)
        : convertSyncFetch(state, path, call.id);
    if (refusal) context.report(refusal);
    else converted += 1;
  }
  if (converted === 0) {
    reportTypeUses(context, uses.typeUses);
    return false;
  }
  const body = (root.get().node as { program: { body: unknown[] } }).program.body;
  const header = captureHeaderComments(body);
  const types = rewriteTypeUses(context, uses.typeUses);
  reportTypeUses(context, types.left);
  finishImports(state);
  importTypes(context, root, types.names);
  keepHeaderFirst(body, header);
  if (state.used.qs) context.requestDependency({ name: 'qs', range: '^6.5.0', kind: 'add' });
  return true;
}

export const syncHttpToUndici: Transform = {
  meta: {
    name: 'sync-http-to-undici',
    description:
      'Moves sync-request and sync-fetch calls to undici (request / fetch), keeping the request sent and the ' +
      'response, ' +
      'errors and getBody() throws observed.',
    options: {},
    diagnostics: diagnosticCodes,
  },
  prefilter(source: string): boolean {
    return source.includes('sync-request') || source.includes('sync-fetch');
  },
  apply(root, outer): boolean {
    // diagnostics are reported in source order, whatever order the steps find them in
    const pending: DiagnosticInput[] = [];
    const context: TransformContext = Object.assign(Object.create(outer) as TransformContext, {
      report: (d: DiagnosticInput) => pending.push(d),
    });
    try {
      return applyInOrder(root, context);
    } finally {
      pending.sort((a, b) => getPosition(a) - getPosition(b)).forEach((d) => outer.report(d));
    }
  },
};

/** The reported node's offset, to report in source order (nodes keep Babel's offsets through edits). */
function getPosition(d: DiagnosticInput): number {
  const target = d.node as { node?: unknown; start?: unknown } | undefined;
  const node = (target && 'parentPath' in target ? target.node : target) as { start?: unknown } | undefined;
  return typeof node?.start === 'number' ? node.start : 0;
}

function applyInOrder(root: Collection, context: TransformContext): boolean {
  const mocked = reportMocks(context, root);
  const uses = findHttpCalls(context.j, root);
  if (uses.calls.length === 0 && uses.otherUses.length === 0) {
    reportTypeUses(context, uses.typeUses);
    return false;
  }
  for (const library of new Set([...uses.calls, ...uses.otherUses].map((u) => u.library))) {
    context.requestDependency({ name: library, kind: 'remove-if-unused' });
  }
  reportOtherUses(context, uses, mocked);
  const support = checkUndiciSupport(context);
  if (!('range' in support)) {
    context.report({
      code: support.code,
      node: uses.calls[0]?.call ?? uses.otherUses[0]?.path,
      message: support.message,
    });
    reportTypeUses(context, uses.typeUses);
    return false;
  }
  const { range } = support;
  const changed = convertCalls(root, context, uses);
  if (changed) context.requestDependency({ name: 'undici', range, kind: 'add' });
  return changed;
}

export default toJscodeshift(syncHttpToUndici);
