/**
 * Reads the body of an async promise executor `new Promise(async (resolve, reject) => { … })`: where
 * resolve/reject are called, and whether each call ends the executor (so `return v` / `throw e` can
 * stand in for it) and every path settles.
 */
import type { ASTPath, JSCodeshift } from 'jscodeshift';
import { getEnclosingFunction } from '../shared/functions';

import { findNodes } from '../../source/tree-walk';

interface Node {
  type: string;
  name?: string;
  body?: Node | Node[];
  callee?: Node;
  arguments?: Node[];
  expression?: Node;
  argument?: Node | null;
  consequent?: Node;
  alternate?: Node | null;
  block?: Node;
  handler?: Node | null;
  finalizer?: Node | null;
}

/** A call of `resolve` / `reject` as a statement of its own: `resolve(v);` or `return reject(e);`. */
export function getSettleCall(statement: Node, names: ReadonlySet<string>): Node | null {
  const call =
    statement.type === 'ExpressionStatement'
      ? statement.expression
      : statement.type === 'ReturnStatement'
        ? statement.argument
        : null;
  const isSettle =
    call?.type === 'CallExpression' && call.callee?.type === 'Identifier' && names.has(call.callee.name ?? '');
  return isSettle && (call?.arguments?.length ?? 0) <= 1 ? call : null;
}

/** Whether running `statement` always ends in resolve/reject/throw (never falls through). */
export function alwaysSettles(statement: Node | null | undefined, names: ReadonlySet<string>): boolean {
  if (!statement) return false;
  if (getSettleCall(statement, names) || statement.type === 'ThrowStatement') return true;
  if (statement.type === 'BlockStatement') {
    const body = statement.body as Node[];
    return body.length > 0 && alwaysSettles(body[body.length - 1], names);
  }
  if (statement.type === 'IfStatement')
    return alwaysSettles(statement.consequent, names) && alwaysSettles(statement.alternate, names);
  if (statement.type === 'TryStatement') {
    return (
      !statement.finalizer &&
      alwaysSettles(statement.block, names) &&
      alwaysSettles(statement.handler?.body as Node, names)
    );
  }
  return false;
}

/**
 * Whether nothing of the executor runs after `statement`: it is a `return …`, or the last statement
 * of a block that is itself last in the executor (through if branches, try blocks and catch clauses).
 */
export function isTailStatement(statement: ASTPath, executor: ASTPath): boolean {
  if (statement.node.type === 'ReturnStatement') return true;
  let current: ASTPath = statement;
  for (;;) {
    const parent = current.parent as ASTPath;
    if (!parent) return false;
    const type = parent.node.type;
    if (type === 'BlockStatement') {
      const body = (parent.node as unknown as Node).body as unknown[];
      if (body[body.length - 1] !== current.node) return false;
      if (parent.node === (executor.node as unknown as Node).body) return true;
    } else if (type === 'TryStatement') {
      if ((parent.node as unknown as Node).finalizer === current.node) return false;
    } else if (type !== 'IfStatement' && type !== 'CatchClause') {
      return false;
    }
    current = parent;
  }
}

/** Every reference to resolve/reject inside the executor is a settle call in its own body. */
export function findSettleStatements(j: JSCodeshift, executor: ASTPath, names: ReadonlySet<string>): ASTPath[] | null {
  const statements: ASTPath[] = [];
  let valid = true;
  findNodes(j(executor.get('body') as ASTPath), j.Identifier).forEach((ref) => {
    if (!names.has(String(ref.node.name))) return;
    const call = ref.parent as ASTPath;
    const statement = call?.parent as ASTPath;
    const isCallee = (call?.node as unknown as Node)?.callee === ref.node;
    const ownBody = getEnclosingFunction(ref)?.node === executor.node;
    if (
      !isCallee ||
      !ownBody ||
      !statement ||
      !getSettleCall(statement.node as unknown as Node, names) ||
      !isTailStatement(statement, executor)
    )
      valid = false;
    else statements.push(statement);
  });
  return valid ? statements : null;
}
