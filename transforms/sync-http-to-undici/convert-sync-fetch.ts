/**
 * One sync-fetch call → undici's fetch. sync-fetch is WHATWG fetch made synchronous, so the mapping is
 * `await` at the call and at each body read:
 *   const res = fetch(url); res.json().id      →  const res = await fetch(url); (await res.json()).id
 *   fetch(url).text()                          →  await (await fetch(url)).text()
 *   res.buffer()                               →  Buffer.from(await res.arrayBuffer())
 * Options: method (upper-cased, as node-fetch does; fetch leaves `patch` lower-case), headers, body,
 * redirect 'follow'/'error', timeout → signal: AbortSignal.timeout(n). Everything else is refused.
 */
import type { ASTNode, ASTPath } from 'jscodeshift';
import type { ConversionId } from '../../core/async-function';
import { getAwaitSite, prepareAwaitSite, type AwaitSite } from '../shared/await-site';
import { getEnclosingFunction } from '../shared/functions';
import { buildExpression, placeholders, type ConversionState } from './conversion-state';
import { readCallShape } from './read-call-shape';
import { accept, refuse, type Planned, type Refusal } from './refusal';
import { getPropertyName, readStringLiteral } from './static-values';

const keptMembers = new Set(['status', 'ok', 'statusText', 'headers', 'url', 'redirected', 'type']);
const bodyReaders = new Set(['json', 'text', 'arrayBuffer', 'blob', 'buffer']);
const destructurable = new Set(['status', 'ok', 'statusText', 'headers', 'url', 'redirected']);

type Edit = () => void;

export function convertSyncFetch(state: ConversionState, call: ASTPath, conversionId: ConversionId): Refusal | null {
  const { j, root, context } = state;
  const original = call.node; // the edits below replace call.node; diagnostics point at the call as written
  const site = getAwaitSite(call, context.isModule);
  if (!site.ok)
    return { code: site.code, node: call.node, message: `${site.reason}; the sync-fetch call is left as it was` };
  const options = readFetchOptions(state, call);
  if (!options.ok) return options.refusal;
  const shape = readCallShape(j, root, call, destructurable, 'SYNCFETCH_UNSUPPORTED_USE');
  if (!shape.ok) return shape.refusal;
  const edits: Edit[] = [...options.value];
  const refs = shape.value.kind === 'stored' || shape.value.kind === 'chained' ? shape.value.refs : [];
  for (const ref of refs) {
    const edit = readResponseUse(state, ref, site.site);
    if (!edit.ok) return edit.refusal;
    edits.push(edit.value);
  }
  prepareAwaitSite(
    context,
    site.site,
    `awaits undici fetch (sync-fetch at ${context.placeOf(conversionId)})`,
    conversionId,
    state.madeAsync,
  );
  const node = call.node as unknown as { callee: ASTNode };
  node.callee = j.identifier(placeholders.fetch);
  state.used.fetch = true;
  // wrap the call first: a chained body read (`fetch(u).buffer()`) then builds on the awaited call
  if (shape.value.kind === 'chained') call.replace(j.awaitExpression(call.node as never));
  else if (shape.value.kind === 'discarded')
    (shape.value.statement.node as unknown as { expression: ASTNode }).expression = j.awaitExpression(
      call.node as never,
    );
  else (shape.value.declarator.node as unknown as { init: ASTNode }).init = j.awaitExpression(call.node as never);
  for (const edit of edits) edit();
  context.report({
    code: 'SYNCFETCH_ERROR_SHAPE',

    node: original,
    message:
      "network failures now reject with TypeError('fetch failed') and the system error in error.cause (sync-fetch " +
      "threw a FetchError with type 'system' and error.code); check code that catches this call's errors",
  });
  return null;
}

/** The edits the init object needs, or a refusal for an option fetch cannot honour the same way. */
function readFetchOptions(state: ConversionState, call: ASTPath): Planned<Edit[]> {
  const args = (call.node as unknown as { arguments: ASTNode[] }).arguments;
  if (args.length === 0 || args.length > 2 || args[0].type === 'SpreadElement')
    return refuse('SYNCFETCH_UNSUPPORTED_OPTION', call.node, 'the call does not have the form fetch(url[, init])');
  const init = args[1];
  if (!init) return accept([]);
  if (init.type !== 'ObjectExpression') {
    const why =
      'write the init as an object literal (its timeout/follow options change the mapping), or convert this call by ' +
      'hand';
    return refuse('SYNCFETCH_UNSUPPORTED_OPTION', init, why);
  }
  const edits: Edit[] = [];
  for (const raw of (init as unknown as { properties: ASTNode[] }).properties) {
    const edit = readFetchOption(state, raw);
    if (!edit.ok) return edit;
    if (edit.value) edits.push(edit.value);
  }
  return accept(edits);
}

/** One property of the init object: kept as it is (null), an edit, or a refusal. */
function readFetchOption(state: ConversionState, raw: ASTNode): Planned<Edit | null> {
  const { j, context } = state;
  const name = getPropertyName(raw);
  const prop = raw as unknown as { key: ASTNode; value: ASTNode };
  if (name === 'headers' || name === 'body') return accept(null);
  if (name === 'method') {
    const method = readStringLiteral(prop.value);
    if (method === null) {
      const why =
        'write the method as a string literal (fetch does not upper-case PATCH), or convert this call by hand';
      return refuse('SYNCFETCH_UNSUPPORTED_OPTION', raw, why);
    }
    return accept(() => {
      prop.value = j.stringLiteral(method.toUpperCase());
    });
  }
  if (name === 'redirect') {
    const mode = readStringLiteral(prop.value);
    if (mode === 'follow' || mode === 'error') return accept(null);
    const why =
      "node-fetch's redirect: 'manual' returns the 3xx with a resolved Location, WHATWG fetch returns an opaque " +
      'response; convert by hand';
    return refuse('SYNCFETCH_UNSUPPORTED_OPTION', raw, why);
  }
  if (name === 'timeout') {
    return accept(() => {
      prop.key = j.identifier('signal');
      prop.value = buildExpression(state, 'AbortSignal.timeout($ms)', { $ms: prop.value });
      const message =
        'timeout became signal: AbortSignal.timeout(n): it rejects with a DOMException TimeoutError, not a ' +
        'FetchError (type request-timeout); check code that inspects the error';
      context.report({ code: 'SYNCFETCH_TIMEOUT_ERROR', node: raw, message });
    });
  }
  const what = name === null ? 'a spread or computed key' : `option \`${name}\``;
  const why =
    `${what} has no faithful fetch equivalent (follow, compress, size, agent, signal are node-fetch/sync-fetch ` +
    'specific); convert this call by hand';
  return refuse('SYNCFETCH_UNSUPPORTED_OPTION', raw, why);
}

interface ResponseMember {
  type: string;
  object: unknown;
  computed: boolean;
  property: { type: string; name?: string };
}

/** `res.x` where `res` is the response: the member read, or why the response escapes. */
function readResponseMember(ref: ASTPath): Planned<ResponseMember> {
  const member = (ref.parent as ASTPath).node as unknown as ResponseMember;
  const isMember = member.type === 'MemberExpression' && member.object === ref.node && !member.computed;
  if (isMember && member.property.type === 'Identifier') return accept(member);
  const why =
    'the response is used as a value (returned or passed on); convert the code that reads it together with this ' +
    'call by hand';
  return refuse('SYNCFETCH_UNSUPPORTED_USE', ref.node, why);
}

function readResponseUse(state: ConversionState, ref: ASTPath, site: AwaitSite): Planned<Edit> {
  const read = readResponseMember(ref);
  if (!read.ok) return read;
  const member = read.value;
  const memberPath = ref.parent as ASTPath;
  const name = member.property.name ?? '';
  const outer = memberPath.parent as ASTPath;
  if (name === 'headers' && isRawHeadersCall(outer, member)) {
    const why = 'headers.raw() is node-fetch only; use headers.getSetCookie() or headers.get(name)';
    return refuse('SYNCFETCH_UNSUPPORTED_USE', outer.node, why);
  }
  if (keptMembers.has(name)) return accept(() => undefined);
  const call = outer.node as unknown as { type: string; callee: unknown; arguments: unknown[] };
  const isBareCall = call.type === 'CallExpression' && call.callee === member && call.arguments.length === 0;
  if (!bodyReaders.has(name) || !isBareCall) {
    return refuse(
      'SYNCFETCH_UNSUPPORTED_USE',
      memberPath.node,
      `\`.${name}\` has no direct fetch equivalent here; convert by hand`,
    );
  }
  const fn = getEnclosingFunction(outer);
  if ((site.kind === 'module' && fn !== null) || (site.kind === 'function' && fn?.node !== site.fn.node)) {
    const why =
      `the body is read with .${name}() inside another function, which would have to await too; convert ` + `by hand`;
    return refuse('SYNCFETCH_UNSUPPORTED_USE', outer.node, why);
  }
  return accept(() => readBody(state, outer, member, name));
}

/** `res.json()` → `await res.json()`; `res.buffer()` → `Buffer.from(await res.arrayBuffer())`. */
function readBody(state: ConversionState, outer: ASTPath, member: ResponseMember, name: string): void {
  if (name === 'json' && state.context.isTypeScript && outer.parent?.node.type !== 'TSAsExpression') {
    const message =
      "fetch's json() resolves to `unknown` in undici's types (sync-fetch's was untyped); add `as YourType` " +
      'where the compiler asks';
    state.context.report({ code: 'SYNCFETCH_JSON_UNKNOWN', node: outer.node, message });
  }
  if (name === 'buffer') {
    outer.replace(buildExpression(state, 'Buffer.from(await $res.arrayBuffer())', { $res: member.object as ASTNode }));
  } else {
    outer.replace(state.j.awaitExpression(outer.node as never));
  }
}

function isRawHeadersCall(outer: ASTPath, headers: unknown): boolean {
  const node = outer.node as unknown as { type: string; object?: unknown; property?: { name?: string } };
  return node.type === 'MemberExpression' && node.object === headers && node.property?.name === 'raw';
}
