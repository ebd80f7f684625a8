/**
 * Each use of the request family, converted or refused:
 *   request(opts, cb) / request.post(uri, cb)  → the helper, the callback called as request called it
 *   rp(opts) / rp.get(uri)                     → sendRequestPromise(opts): request-promise's results and errors
 *   options.request || request                 → a function with request's (or request-promise's) signature
 */
import type { ASTNode, ASTPath } from 'jscodeshift';
import { appendProperty } from '../sync-http-to-undici/build-request';
import { buildExpression, printNode, quoteString } from '../sync-http-to-undici/conversion-state';
import { accept, refuse, type Planned, type Refusal } from '../sync-http-to-undici/refusal';
import { convertCallbackCall, findCallback } from './convert-callback-call';
import { convertDefaults } from './convert-defaults';
import type { RequestUse } from './find-request-uses';
import { isWriteReference } from '../shared/references';
import type { HelperFeature } from './helper-parts';
import { placeholders } from './placeholders';
import { findUntraceableRefusal, isUrlName, readRequestOptions, type OptionsPlan } from './read-request-options';
import type { RequestState } from './request-state';

const allFeatures: HelperFeature[] = [
  'baseUrl',
  'qs',
  'form',
  'json',
  'auth',
  'gzip',
  'strictSSL',
  'timeout',
  'encoding',
  'check',
  'urlAuth',
];

/** Methods of request-promise's Bluebird promise (and `.promise()`) that a native promise lacks. */
const bluebirdOnly = new Set([
  'spread',
  'tap',
  'tapCatch',
  'cancel',
  'promise',
  'asCallback',
  'nodeify',
  'timeout',
  'delay',
  'return',
  'thenReturn',
  'get',
  'map',
  'each',
  'reduce',
  'filter',
  'props',
  'reflect',
  'call',
  'bind',
  'done',
  'error',
  'caught',
  'catchReturn',
  'catchThrow',
]);

/** The arguments as text, with a shortcut's method added (`request.post(uri)` → `(uri, { method: 'POST' })`). */
function buildArgsText(state: RequestState, args: ASTNode[], method: string | null): string | null {
  const texts = args.map((a) => printNode(state, a));
  const hasOptions = args.some((a) => a.type === 'ObjectExpression') || args.length > 1;
  // GET is request's default: `request.get(url)` needs nothing more
  if (!method || (method === 'GET' && !hasOptions)) return texts.join(', ');
  const property = `method: ${quoteString(state, method)}`;
  const last = args.length - 1;
  if (args[last].type === 'ObjectExpression') {
    texts[last] = appendProperty(texts[last], property);
    return texts.join(', ');
  }
  if (
    args.length === 1 &&
    (/StringLiteral|TemplateLiteral|BinaryExpression/.test(args[0].type) || isUrlName(args[0]))
  ) {
    return `${texts[0]}, { ${property} }`;
  }
  if (args.length === 2) return `${texts[0]}, { ...${texts[1]}, ${property} }`;
  return null;
}

function addNeeds(state: RequestState, plan: OptionsPlan): void {
  const features = plan.dynamic ? allFeatures : [...plan.features];
  features.forEach((f) => state.needs.features.add(f));
}

/** Options built at runtime must not be able to carry an option request set elsewhere in the file. */
function checkDynamic(state: RequestState, plan: OptionsPlan): Planned<null> {
  const refusal = plan.dynamic ? findUntraceableRefusal(state.j, state.root) : null;
  if (!refusal) return accept(null);
  const message = refusal.message.replace(/; the call is left as it was$/, '');
  return refuse(refusal.code, refusal.node, `${message}; options built at runtime may carry it, so calls are left`);
}

function reportDynamic(state: RequestState, plan: OptionsPlan, args: ASTNode[]): void {
  if (!plan.dynamic) return;
  state.context.report({
    code: 'REQUEST_DYNAMIC_OPTIONS',
    node: args[args.length - 1],
    message:
      'these options are built when the code runs: the helper applies the request options it supports and throws ' +
      'for one it does not (jar, proxy, agentOptions, oauth, formData, …) instead of ignoring it',
  });
}

function convertPromiseCall(state: RequestState, use: RequestUse & { kind: 'call' }): Planned<null> {
  const call = use.call;
  const parent = call.parent?.node as { type: string; object?: unknown; property?: { name?: string } } | undefined;
  const method = parent?.type === 'MemberExpression' && parent.object === call.node ? parent.property?.name : null;
  if (method && (bluebirdOnly.has(method) || (method === 'catch' && isFilteredCatch(call)))) {
    return refuse(
      'BLUEBIRD_ONLY_METHOD',
      call.parent?.node as ASTNode,
      `\`.${method}\` is a method of request-promise's promise that a native promise does not have; rewrite it ` +
        'with then/catch first, then run again',
    );
  }
  const args = (call.node as unknown as { arguments: ASTNode[] }).arguments;
  if (findCallback(args) && args[args.length - 1].type.includes('Function')) {
    return refuse('REQUEST_CALLBACK_SHAPE', call.node, 'request-promise called with a callback: convert it by hand');
  }
  const plan = readRequestOptions(state.j, call, args);
  if (!plan.ok) return plan;
  const dynamic = checkDynamic(state, plan.value);
  if (!dynamic.ok) return dynamic;
  const text = buildArgsText(state, args, use.method);
  if (text === null) return refuse('REQUEST_UNSUPPORTED_USE', call.node, 'write the shortcut as rp({ …, method })');
  addNeeds(state, plan.value);
  reportDynamic(state, plan.value, args);
  state.needs.sendRequestPromise = true;
  // the call keeps its own text; only the callee (and a shortcut's options) change
  const node = call.node as unknown as { callee: ASTNode; arguments: ASTNode[] };
  node.callee = state.j.identifier(use.wrapper ?? placeholders.sendRequestPromise);
  if (use.method)
    node.arguments = (buildExpression(state, `f(${text})`) as unknown as { arguments: ASTNode[] }).arguments;
  return accept(null);
}

function isFilteredCatch(call: ASTPath): boolean {
  const outer = call.parent?.parent?.node as { type: string; arguments?: unknown[] } | undefined;
  return outer?.type === 'CallExpression' && (outer.arguments?.length ?? 0) > 1;
}

function convertRequestCall(state: RequestState, use: RequestUse & { kind: 'call' }): Planned<null> {
  const call = use.call;
  const args = (call.node as unknown as { arguments: ASTNode[] }).arguments;
  const callback = findCallback(args);
  if (!callback) {
    return refuse(
      'REQUEST_STREAM_API',
      call.node,
      'request without a callback is used as a stream (pipe, events, or a value whose type is unclear); convert ' +
        'it by hand with stream.pipeline over undici.request’s body, or pass a callback',
    );
  }
  const rest = args.filter((a) => a !== callback);
  const plan = readRequestOptions(state.j, call, rest);
  if (!plan.ok) return plan;
  const dynamic = checkDynamic(state, plan.value);
  if (!dynamic.ok) return dynamic;
  const text = buildArgsText(state, rest, use.method);
  if (text === null)
    return refuse('REQUEST_UNSUPPORTED_USE', call.node, 'write the shortcut as request({ …, method })');
  const refusal = convertCallbackCall(
    state,
    call,
    callback,
    `${use.wrapper ?? placeholders.sendRequest}(${text})`,
    state.context.conversionId(call),
  );
  if (refusal && !refusal.ok) return refusal;
  addNeeds(state, plan.value);
  reportDynamic(state, plan.value, rest);
  state.needs.sendRequest = true;
  return accept(null);
}

function convertValue(state: RequestState, use: RequestUse & { kind: 'value' }): Planned<null> {
  const refusal = findUntraceableRefusal(state.j, state.root);
  if (refusal) {
    return refuse(
      refusal.code,
      refusal.node,
      `${refusal.message.replace(/; the call is left as it was$/, '')}; ${use.library} is passed on as a value ` +
        'and these options may reach it, so it is left as it was',
    );
  }
  const callbackStyle = use.library === 'request';
  allFeatures.forEach((f) => state.needs.features.add(f));
  if (callbackStyle) state.needs.sendRequestWithCallback = true;
  else state.needs.sendRequestPromise = true;
  state.context.report({
    code: 'REQUEST_PASSED_ON',
    node: use.ref,
    message:
      `${use.library} is passed on as a value: it became a function with the same ` +
      `(uri, options${callbackStyle ? ', callback' : ''}) call over undici; members such as .get or .defaults ` +
      'are not there',
  });
  use.ref.replace(
    state.j.identifier(callbackStyle ? placeholders.sendRequestWithCallback : placeholders.sendRequestPromise),
  );
  return accept(null);
}

const otherAdvice: Readonly<Record<string, string>> = {
  defaults: 'pass the defaults in each call (or a small wrapper that merges them), then run again',
  jar: 'undici keeps no cookies: send the Cookie header yourself',
  cookie: 'undici keeps no cookies: send the Cookie header yourself',
  forever: 'undici keeps connections alive by default',
};

function reportOther(state: RequestState, use: RequestUse & { kind: 'other' }): Refusal {
  const member = use.member ?? '';
  if (isWriteReference(use.ref)) {
    return {
      code: 'REQUEST_UNSUPPORTED_USE',
      node: use.ref.parent?.node as ASTNode,
      message: `${use.library} is reassigned here, so its calls cannot be followed; convert them by hand`,
    };
  }
  return {
    code: 'REQUEST_UNSUPPORTED_USE',
    node: use.ref.parent?.node.type === 'MemberExpression' ? (use.ref.parent.node as ASTNode) : use.ref.node,
    message:
      `${use.library}${member ? `.${member}` : ''} has no undici conversion here: ` +
      `${otherAdvice[member] ?? 'convert this use by hand'}`,
  };
}

/** Converts every use it can; returns how many were converted. Refusals are reported. */
/** Converts the request.defaults wrappers first; returns the names of those refused (their calls stay). */
function convertWrappers(state: RequestState, uses: RequestUse[]): { converted: number; refused: Set<string> } {
  const refused = new Set<string>();
  let converted = 0;
  for (const use of uses) {
    if (use.kind !== 'defaults') continue;
    const plan = convertDefaults(state, use);
    if (plan.ok) {
      addNeeds(state, plan.value);
      converted += 1;
    } else {
      state.context.report(plan.refusal);
      refused.add((use.declarator.node as unknown as { id: { name: string } }).id.name);
    }
  }
  return { converted, refused };
}

export function convertUses(state: RequestState, uses: RequestUse[]): number {
  const wrappers = convertWrappers(state, uses);
  let converted = wrappers.converted;
  let typesReported = false;
  for (const use of uses) {
    if (use.kind === 'defaults' || (use.kind === 'call' && use.wrapper && wrappers.refused.has(use.wrapper))) continue;
    if (use.kind === 'type') {
      if (!typesReported) reportTypes(state, use.ref, use.library);
      typesReported = true;
      continue;
    }
    if (use.kind === 'other') {
      state.context.report(reportOther(state, use));
      continue;
    }
    const result =
      use.kind === 'value'
        ? convertValue(state, use)
        : use.library === 'request'
          ? convertRequestCall(state, use)
          : convertPromiseCall(state, use);
    if (result.ok) converted += 1;
    else state.context.report(result.refusal);
  }
  return converted;
}

function reportTypes(state: RequestState, ref: ASTPath, library: string): void {
  state.context.report({
    code: 'REQUEST_TYPES_KEPT',
    node: ref,
    message:
      `${library}'s types are still imported for type positions (the import is erased when compiled); the converted ` +
      'calls return plain objects { statusCode, headers, body } and native promises: replace these types when ' +
      'you drop @types/request',
  });
}
