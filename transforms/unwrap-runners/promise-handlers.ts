/**
 * The promise form of a deasync flag loop, rewritten as a plain await:
 *   p.then((v) => { result = v; done = true; })                      →  result = await p;
 *   p.then((v) => { … }, (e) => { error = e; done = true; })         →  try { result = await p; }
 *                                                                        catch (e) { error = e; }
 *   p.then((v) => { … }).catch((e) => { … })                          →  (the same)
 * Handlers may only copy their argument into variables and set the flag; anything else is left to
 * the general callback form.
 */
import type { ExpressionKind, StatementKind } from 'ast-types/lib/gen/kinds';
import type { FlagLoop } from './flag-loop';
import type { StepInput } from './step';

interface Node {
  type: string;
  name?: string;
  operator?: string;
  computed?: boolean;
  callee?: Node;
  object?: Node;
  property?: Node;
  arguments?: Node[];
  params?: Node[];
  body?: Node | Node[];
  expression?: Node;
  left?: Node;
  right?: Node;
}

interface Handlers {
  promise: Node;
  onFulfilled: Node;
  onRejected: Node | null;
}

function getMethodCall(node: Node | undefined, method: string): Node | null {
  const callee = node?.callee;
  const isCall = node?.type === 'CallExpression' && callee?.type === 'MemberExpression' && !callee.computed;
  return isCall && callee?.property?.name === method ? node : null;
}

function readHandlers(start: Node): Handlers | null {
  const expr = start.type === 'ExpressionStatement' ? start.expression : undefined;
  const then = getMethodCall(expr, 'then');
  if (then && (then.arguments?.length === 1 || then.arguments?.length === 2)) {
    return {
      promise: then.callee?.object as Node,
      onFulfilled: then.arguments[0],
      onRejected: then.arguments?.[1] ?? null,
    };
  }
  const caught = getMethodCall(expr, 'catch');
  const inner = getMethodCall(caught?.callee?.object, 'then');
  if (caught?.arguments?.length === 1 && inner?.arguments?.length === 1) {
    return {
      promise: inner.callee?.object as Node,
      onFulfilled: inner.arguments[0],
      onRejected: caught.arguments[0],
    };
  }
  return null;
}

/** A handler whose statements only copy its parameter (`x = v;`) and set the flag once. */
function readHandler(fn: Node, flagSets: Set<unknown>): { param: string | null; copies: Node[] } | null {
  if (fn.type !== 'ArrowFunctionExpression' && fn.type !== 'FunctionExpression') return null;
  const params = fn.params ?? [];
  if (params.length > 1 || (params[0] && params[0].type !== 'Identifier')) return null;
  const param = params[0]?.name ?? null;
  const body = fn.body as Node;
  if (body.type !== 'BlockStatement') return null;
  const statements = body.body as Node[];
  const copies = statements.filter((s) => !flagSets.has(s));
  if (statements.length - copies.length !== 1) return null;
  const isCopy = (s: Node) =>
    s.type === 'ExpressionStatement' &&
    s.expression?.type === 'AssignmentExpression' &&
    s.expression.operator === '=' &&
    s.expression.left?.type === 'Identifier' &&
    s.expression.right?.type === 'Identifier' &&
    s.expression.right.name === param;
  return copies.every(isCopy) ? { param, copies } : null;
}

export function buildPromiseHandlerAwait(input: StepInput, loop: FlagLoop): StatementKind[] | null {
  const { j } = input;
  const handlers = readHandlers(loop.start.node as Node);
  if (!handlers) return null;
  const flagSets = new Set<unknown>(loop.flagSets.map((s) => s.node));
  const ok = readHandler(handlers.onFulfilled, flagSets);
  const failed = handlers.onRejected ? readHandler(handlers.onRejected, flagSets) : null;
  const handlerCount = handlers.onRejected ? 2 : 1;
  if (!ok || ok.copies.length > 1 || (handlers.onRejected && !failed) || loop.flagSets.length !== handlerCount)
    return null;
  const awaited = j.awaitExpression(handlers.promise as unknown as ExpressionKind);
  const target = ok.copies[0]?.expression?.left?.name;
  const awaitStatement = j.expressionStatement(
    target ? j.assignmentExpression('=', j.identifier(target), awaited) : awaited,
  );
  if (!failed) return [awaitStatement];
  const handler = j.catchClause(
    failed.param ? j.identifier(failed.param) : null,
    null,
    j.blockStatement(failed.copies as unknown as StatementKind[]),
  );
  return [j.tryStatement(j.blockStatement([awaitStatement]), handler)];
}
