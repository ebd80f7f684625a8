/**
 * How the value of a call to a newly async function is used where it stands: awaited already, used as a
 * promise, returned, or used as a value (then it must be awaited).
 */
import { ts } from 'ts-morph';
import { isFunctionWithBody, skipOuterExpressions } from './syntax';

/** `awaited`/`promise`: nothing to do; `return`: returned outside try, no await; `value`: await it. */
export type CallUse = 'awaited' | 'promise' | 'return' | 'value';

const promiseCombinators = new Set(['all', 'allSettled', 'race', 'any', 'resolve']);
export const promiseMethods = new Set(['then', 'catch', 'finally']);

export function classifyUse(call: ts.Expression): CallUse {
  const outer = skipOuterExpressions(call);
  const parent = outer.parent;
  if (ts.isAwaitExpression(parent) || ts.isVoidExpression(parent))
    return ts.isAwaitExpression(parent) ? 'awaited' : 'promise';
  if (ts.isPropertyAccessExpression(parent) && parent.expression === outer && promiseMethods.has(parent.name.text)) {
    return 'promise';
  }
  if (isPromiseCombinatorArgument(parent, outer)) return 'promise';
  const returned = ts.isReturnStatement(parent) || (ts.isArrowFunction(parent) && parent.body === outer);
  if (returned) return isInsideTry(outer) ? 'value' : 'return';
  return 'value';
}

/** `Promise.all([f(), g()])`, `Promise.resolve(f())`. */
function isPromiseCombinatorArgument(parent: ts.Node, node: ts.Node): boolean {
  const call = ts.isArrayLiteralExpression(parent) ? parent.parent : parent;
  if (!ts.isCallExpression(call) || !ts.isPropertyAccessExpression(call.expression)) return false;
  const callee = call.expression;
  return (
    ts.isIdentifier(callee.expression) &&
    callee.expression.text === 'Promise' &&
    promiseCombinators.has(callee.name.text) &&
    (call.arguments.includes(node as ts.Expression) || call.arguments.includes(parent as ts.Expression))
  );
}

/** Inside a `try` block (or a `catch` with a `finally`) of its own function: a returned promise escapes it. */
function isInsideTry(node: ts.Node): boolean {
  let child = node;
  let current = node.parent;
  while (current && !isFunctionWithBody(current) && !ts.isSourceFile(current)) {
    if (ts.isTryStatement(current)) {
      if (current.tryBlock === child) return true;
      if (current.catchClause === child && current.finallyBlock) return true;
    }
    child = current;
    current = current.parent;
  }
  return false;
}
