/**
 * A request call with a callback, in one of three shapes (the callback runs with the err, res and body
 * request gave it: a network error reaches err, a 404 does not):
 *   request(opts, cb);               → sendRequest(opts).then((response) => cb(null, response, response.body), cb);
 *   request(opts, (err, res, body) => { … });
 *                                    → sendRequest(opts)
 *                                        .then((response) => [null, response, response.body], (error) => [error])
 *                                        .then(([err, res, body]) => { … });
 * and, as the last statement of a named function that can become async, with an inline callback:
 *                                    → const [err, res, body] = await sendRequest(opts).then(…, …);  …
 */
import type { ASTNode, ASTPath } from 'jscodeshift';
import type { ConversionId } from '../../core/async-function';
import { getAwaitSite, prepareAwaitSite } from '../shared/await-site';
import { ensureInStatementList, isSideEffectFree } from '../shared/evaluation-order';
import { usesOwnThisOrArguments } from '../shared/function-body';
import { getEnclosingFunction } from '../shared/functions';
import { getLocalUniqueName } from '../shared/local-name';
import { buildStatement, printNode } from '../sync-http-to-undici/conversion-state';
import { refuse, type Planned } from '../sync-http-to-undici/refusal';
import type { RequestState } from './request-state';

import { findNodes } from '../../source/tree-walk';

interface FunctionNode {
  type: string;
  params: { type: string; name?: string }[];
  body: ASTNode & { type: string; body?: ASTNode[] };
}

const callbackNames = /callback|handler|\bcb\b|done|next|respond|onResponse/i;

/** The callback among the arguments: the last one when it is a function or looks like one. */
export function findCallback(args: ASTNode[]): ASTNode | null {
  const last = args[args.length - 1];
  if (!last || args.length < 2) return null;
  if (last.type === 'ArrowFunctionExpression' || last.type === 'FunctionExpression') return last;
  if (args.length === 3) return last;
  if (last.type === 'ObjectExpression') return null;
  if (args[0].type === 'ObjectExpression') return last;
  const text = last.type === 'CallExpression' ? (last as unknown as { callee: ASTNode }).callee : last;
  const name = findNamesOf(text).join('.');
  return callbackNames.test(name) ? last : null;
}

function findNamesOf(node: unknown): string[] {
  const n = node as { type?: string; name?: string; object?: unknown; property?: unknown };
  if (n?.type === 'Identifier') return [n.name ?? ''];
  if (n?.type === 'MemberExpression') return [...findNamesOf(n.object), ...findNamesOf(n.property)];
  return [];
}

function isInlineFunction(node: ASTNode): boolean {
  return node.type === 'ArrowFunctionExpression' || node.type === 'FunctionExpression';
}

function getParamNames(fn: FunctionNode): string[] | null {
  if (fn.params.length === 0 || fn.params.length > 3) return null;
  if (fn.params.some((p) => p.type !== 'Identifier')) return null;
  return fn.params.map((p) => p.name ?? '');
}

/** The statements the callback's body becomes where it is inlined. */
function getBodyStatements(state: RequestState, fn: FunctionNode): ASTNode[] {
  if (fn.body.type === 'BlockStatement') return fn.body.body ?? [];
  return [state.j.expressionStatement(fn.body as never)];
}

function isDeclaredFunction(fn: ASTPath): boolean {
  const parent = fn.parent?.node as { type: string; init?: unknown; right?: unknown; value?: unknown } | undefined;
  if (/Method|FunctionDeclaration/.test(fn.node.type)) return true;
  if (!parent) return false;
  if (parent.type === 'VariableDeclarator') return parent.init === fn.node;
  if (parent.type === 'AssignmentExpression') return parent.right === fn.node;
  return (parent.type === 'ObjectProperty' || parent.type === 'Property') && parent.value === fn.node;
}

/** Names the inlined callback would declare in the enclosing function, and whether they are free there. */
function canInline(state: RequestState, statement: ASTPath, callback: ASTPath, names: string[]): boolean {
  const { j } = state;
  const fn = getEnclosingFunction(statement);
  if (!fn || !isDeclaredFunction(fn)) return false;
  const isAsync = (fn.node as unknown as { async?: boolean }).async === true;
  // a function with a callback of its own already tells its callers when it is done: async adds nothing
  if (!isAsync && takesCallback(state, fn)) return false;
  const body = (fn.node as unknown as FunctionNode).body;
  const list = body.type === 'BlockStatement' ? (body.body ?? []) : [];
  if (list[list.length - 1] !== statement.node) return false;
  const declared = new Set(names);
  for (const node of getBodyStatements(state, callback.node as unknown as FunctionNode)) {
    findNodes(j(node as never), j.VariableDeclarator).forEach((path) => {
      const id = path.node.id as { type: string; name?: string };
      if (id.type === 'Identifier') declared.add(id.name ?? '');
    });
  }
  const clash = findNodes(j(fn), j.Identifier)
    .filter((path: ASTPath) => !isInside(path, callback) && declared.has(String((path.node as { name?: string }).name)))
    .size();
  return clash === 0 && getAwaitSite(statement, state.context.isModule).ok;
}

/** Whether `fn` has a parameter it calls (or named like a callback): a callback-style API. */
function takesCallback(state: RequestState, fn: ASTPath): boolean {
  const params = (fn.node as unknown as FunctionNode).params.flatMap((p) =>
    p.type === 'Identifier' ? [p.name ?? ''] : [],
  );
  if (params.some((name) => /^(?:cb|callback|done|next)$|Callback$/.test(name))) return true;
  return (
    findNodes(state.j(fn), state.j.CallExpression)
      .filter((path: ASTPath) => {
        const callee = (path.node as unknown as { callee: { type: string; name?: string } }).callee;
        return callee.type === 'Identifier' && params.includes(callee.name ?? '');
      })
      .size() > 0
  );
}

function isInside(path: ASTPath, ancestor: ASTPath): boolean {
  for (let current: ASTPath | null = path; current; current = current.parent as ASTPath | null) {
    if (current.node === ancestor.node) return true;
  }
  return false;
}

function isReassigned(state: RequestState, callback: ASTPath, names: string[]): boolean {
  const { j } = state;
  return (
    findNodes(j(callback), j.AssignmentExpression)
      .filter((path: ASTPath) => {
        const left = path.node as unknown as { left: { type: string; name?: string } };
        return left.left.type === 'Identifier' && names.includes(left.left.name ?? '');
      })
      .size() > 0
  );
}

function getCallbackPath(call: ASTPath, callback: ASTNode): ASTPath {
  const args = call.get('arguments') as ASTPath & { value: ASTNode[] };
  return call.get('arguments', args.value.indexOf(callback)) as ASTPath;
}

/**
 * Converts `request(…args, callback);` (an expression statement). `send` is the helper call without
 * the callback, as code text (`sendRequest(opts)`).
 */
export function convertCallbackCall(
  state: RequestState,
  call: ASTPath,
  callback: ASTNode,
  send: string,
  conversionId: ConversionId,
): Planned<null> | null {
  const statement = call.parent as ASTPath;
  if (statement.node.type !== 'ExpressionStatement') {
    return refuse(
      'REQUEST_STREAM_API',
      call.node,
      'the Request object request() returns is used (a stream, or returned to the caller, as an arrow without ' +
        'braces returns it); when nothing reads it, make the call a statement of its own, then run again',
    );
  }
  const callbackPath = getCallbackPath(call, callback);
  const fn = callback as unknown as FunctionNode;
  const names = isInlineFunction(callback) ? getParamNames(fn) : null;
  const usesThis = callback.type === 'FunctionExpression' && usesOwnThisOrArguments(state.j, callbackPath);
  if (isInlineFunction(callback) && usesThis) {
    return refuse(
      'REQUEST_CALLBACK_SHAPE',
      callback,
      'the callback reads `this` or `arguments`, which request set to its Request object; convert it by hand',
    );
  }
  // the arrows' own names, kept apart from the callback's parameters they are destructured into
  const response = names?.includes(state.names.response) ? 'reply' : state.names.response;
  const error = names?.includes(state.names.error) ? 'failure' : state.names.error;
  const settle = `(${response}) => [null, ${response}, ${response}.body], (${error}) => [${error}]`;
  if (names && canInline(state, statement, callbackPath, names)) {
    inlineCallback(state, statement, { send, settle, names, fn, callbackPath, conversionId });
    return null;
  }
  if (names) {
    const text = printNode(state, callback);
    const replacement = buildStatement(
      state,
      `${send}\n  .then(${settle})\n  .then(${rewriteParams(text, names).replace(/\n/g, '\n  ')});`,
    );
    statement.replace(replacement);
    return null;
  }
  convertNamedCallback(state, statement, callback, send);
  return null;
}

/** `(err, res, body) => …` → `([err, res, body]) => …` (and the same for `function (…) {…}`). */
function rewriteParams(text: string, names: string[]): string {
  const list = names.join(', ');
  const arrow = /^(async\s*)?\(?\s*[\w$]+(?:\s*,\s*[\w$]+)*\s*\)?\s*=>/;
  if (arrow.test(text))
    return text.replace(arrow, (m, isAsync: string | undefined) => `${isAsync ?? ''}([${list}]) =>`);
  return text.replace(/\(([^)]*)\)/, `([${list}])`);
}

function convertNamedCallback(state: RequestState, statement: ASTPath, callback: ASTNode, send: string): void {
  const { j, root } = state;
  const { response } = state.names;
  let name = printNode(state, callback);
  if (!(callback.type === 'Identifier' || (callback.type === 'MemberExpression' && isSideEffectFree(callback)))) {
    // evaluated once, before the request, as request evaluated its arguments
    const target = ensureInStatementList(j, statement);
    name = getLocalUniqueName(j, root, target, 'onResponse');
    target.insertBefore(buildStatement(state, `const ${name} = ${printNode(state, callback)};`));
  }
  const then = `.then((${response}) => ${name}(null, ${response}, ${response}.body), ${name});`;
  const text = send.length + then.length > 100 ? `${send}\n  ${then}` : `${send}${then}`;
  (findCurrent(state, statement) ?? statement).replace(buildStatement(state, text));
}

function findCurrent(state: RequestState, path: ASTPath): ASTPath | null {
  const { j, root } = state;
  return (findNodes(root, j.ExpressionStatement).paths() as ASTPath[]).find((p) => p.node === path.node) ?? null;
}

interface Inline {
  send: string;
  settle: string;
  names: string[];
  fn: FunctionNode;
  callbackPath: ASTPath;
  conversionId: ConversionId;
}

function inlineCallback(state: RequestState, statement: ASTPath, inline: Inline): void {
  const { context } = state;
  const kind = isReassigned(state, inline.callbackPath, inline.names) ? 'let' : 'const';
  const site = getAwaitSite(statement, context.isModule);
  if (site.ok) {
    prepareAwaitSite(
      context,
      site.site,
      `awaits undici.request (request at ${context.placeOf(inline.conversionId)})`,
      inline.conversionId,
      state.madeAsync,
    );
  }
  const declaration = buildStatement(
    state,
    `${kind} [${inline.names.join(', ')}] = await ${inline.send}\n  .then(${inline.settle});`,
  );
  const body = getBodyStatements(state, inline.fn);
  statement.replace(declaration, ...body);
}
