/**
 * Step: promise constructors that only re-wrap async work are flattened.
 *   new Promise(async (resolve, reject) => { try { resolve(await a()); } catch (e) { reject(e); } })
 *     →  (async () => { try { return await a(); } catch (e) { throw e; } })()
 *   await new Promise((resolve, reject) => p.then(resolve, reject))   →  await p
 * An async executor is flattened only when each resolve/reject ends the executor and every path
 * settles; an error thrown in it, which the original lost (unhandled rejection), now rejects.
 */
import type { ASTPath } from 'jscodeshift';
import type { ExpressionKind } from 'ast-types/lib/gen/kinds';
import { usesOwnThisOrArguments } from '../shared/function-body';
import { getEnclosingFunction } from '../shared/functions';
import { alwaysSettles, findSettleStatements, getSettleCall } from './settle-calls';
import { guardStatementStart } from './asi-guard';
import type { StepInput } from './step';

import { findNodes } from '../../source/tree-walk';

interface Node {
  type: string;
  name?: string;
  async?: boolean;
  params?: Node[];
  body?: Node | Node[];
  callee?: Node;
  object?: Node;
  property?: Node;
  computed?: boolean;
  arguments?: Node[];
  expression?: Node;
}

function getExecutor(construct: ASTPath): { path: ASTPath; node: Node; names: string[] } | null {
  const node = construct.node as unknown as Node;
  if (node.callee?.type !== 'Identifier' || node.callee.name !== 'Promise' || node.arguments?.length !== 1) return null;
  const executor = node.arguments[0];
  if (executor.type !== 'ArrowFunctionExpression' && executor.type !== 'FunctionExpression') return null;
  const params = executor.params ?? [];
  if (params.length > 2 || params.some((p) => p.type !== 'Identifier')) return null;
  return {
    path: (construct.get('arguments') as ASTPath).get(0) as ASTPath,
    node: executor,
    names: params.map((p) => String(p.name)),
  };
}

function flattenAsyncExecutor(input: StepInput, construct: ASTPath): boolean {
  const { j } = input;
  const executor = getExecutor(construct);
  if (
    !executor ||
    !executor.node.async ||
    executor.names.length === 0 ||
    (executor.node.body as Node).type !== 'BlockStatement'
  )
    return false;
  if (executor.node.type === 'FunctionExpression' && usesOwnThisOrArguments(j, executor.path)) return false;
  const names = new Set(executor.names);
  const settles = findSettleStatements(j, executor.path, names);
  if (!settles || !alwaysSettles(executor.node.body as Node, names)) return false;
  const [resolveName] = executor.names;
  for (const statement of settles) {
    const call = getSettleCall(statement.node as unknown as Node, names) as Node;
    const value = (call.arguments ?? [])[0] as unknown as ExpressionKind | undefined;
    const isResolve = call.callee?.name === resolveName;
    const replacement = isResolve
      ? j.returnStatement(value ?? null)
      : j.throwStatement(value ?? j.identifier('undefined'));
    statement.replace(replacement);
  }
  const runner = j.arrowFunctionExpression([], executor.node.body as never);
  runner.async = true;
  construct.replace(j.callExpression(runner, []));
  guardStatementStart(j, construct);
  return true;
}

/** `p.then(resolve, reject)` or `p.then(resolve).catch(reject)` → `p`. */
function getForwardedPromise(executor: Node, names: string[]): Node | null {
  const body = executor.body as Node;
  const expr =
    body.type === 'BlockStatement'
      ? (body.body as Node[]).length === 1
        ? (body.body as Node[])[0].expression
        : undefined
      : body;
  const isMethod = (n: Node | undefined, method: string) =>
    n?.type === 'CallExpression' &&
    n.callee?.type === 'MemberExpression' &&
    !n.callee.computed &&
    n.callee.property?.name === method;
  const isName = (n: Node | undefined, name: string) => n?.type === 'Identifier' && n.name === name;
  if (names.length !== 2 || !expr) return null;
  const [resolve, reject] = names;
  if (
    isMethod(expr, 'then') &&
    expr.arguments?.length === 2 &&
    isName(expr.arguments[0], resolve) &&
    isName(expr.arguments[1], reject)
  )
    return expr.callee?.object ?? null;
  const inner = expr.callee?.object;
  if (
    isMethod(expr, 'catch') &&
    isName(expr.arguments?.[0], reject) &&
    isMethod(inner, 'then') &&
    inner?.arguments?.length === 1 &&
    isName(inner.arguments[0], resolve)
  ) {
    return inner.callee?.object ?? null;
  }
  return null;
}

function flattenForwardingExecutor(input: StepInput, construct: ASTPath): boolean {
  const executor = getExecutor(construct);
  if (!executor || executor.node.async) return false;
  const promise = getForwardedPromise(executor.node, executor.names);
  const body = executor.path.get('body') as ASTPath;
  const uses = findNodes(input.j(body), input.j.Identifier).filter((p) => executor.names.includes(String(p.node.name)));
  if (!promise || uses.size() !== 2) return false; // `p` itself must not use resolve/reject
  // a synchronous throw while evaluating `p` must still surface as a rejection: only where it is awaited
  const parent = construct.parent?.node as Node;
  const awaited = parent.type === 'AwaitExpression';
  const returnedFromAsync =
    parent.type === 'ReturnStatement' && Boolean((getEnclosingFunction(construct)?.node as Node | undefined)?.async);
  if (!awaited && !returnedFromAsync) return false;
  construct.replace(promise);
  return true;
}

export function flattenPromiseWrappers(input: StepInput): boolean {
  const { j, root } = input;
  let changed = false;
  const constructs = findNodes(root, j.NewExpression).paths().reverse(); // inner wrappers first
  for (const construct of constructs) {
    if (flattenAsyncExecutor(input, construct) || flattenForwardingExecutor(input, construct)) changed = true;
  }
  return changed;
}
