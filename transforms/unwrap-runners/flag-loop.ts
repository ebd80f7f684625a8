/**
 * Reads the flag-and-loop shape deasync users write by hand, without changing anything:
 *   let done = false;
 *   <start>(… () => { …; done = true; } …);      // the statement before the loop
 *   deasync.loopWhile(() => !done);
 * It is convertible only when `done` is a local that nothing else reads or writes: the loop then
 * waits exactly until that callback runs.
 */
import type { ASTPath } from 'jscodeshift';
import { getEnclosingFunction } from '../shared/functions';
import { findReferences, isWriteReference } from '../shared/references';
import type { StepInput } from './step';

import { findNodes } from '../../source/tree-walk';

export interface FlagLoop {
  loopStatement: ASTPath;
  /** The statement that starts the async work and sets the flag in a callback. */
  start: ASTPath;
  flag: string;
  /** The `flag = true` expression statements (all inside callbacks within `start`). */
  flagSets: ASTPath[];
  /** The declarator of the flag (removed once the loop is gone). */
  declarator: ASTPath;
}

interface Node {
  type: string;
  name?: string;
  operator?: string;
  argument?: Node;
  body?: Node | Node[];
  expression?: Node;
  left?: Node;
  right?: Node;
  value?: unknown;
  params?: Node[];
}

/** `() => !done`, `function () { return !done; }` → `done`. */
export function getNegatedFlag(predicate: Node | undefined): string | null {
  if (!predicate || (predicate.type !== 'ArrowFunctionExpression' && predicate.type !== 'FunctionExpression'))
    return null;
  if ((predicate.params ?? []).length > 0) return null;
  let expr = predicate.body as Node | undefined;
  if (expr?.type === 'BlockStatement') {
    const body = expr.body as Node[];
    expr = body.length === 1 && body[0].type === 'ReturnStatement' ? body[0].argument : undefined;
  }
  if (expr?.type !== 'UnaryExpression' || expr.operator !== '!' || expr.argument?.type !== 'Identifier') return null;
  return expr.argument.name ?? null;
}

export function isInside(path: ASTPath, ancestor: ASTPath): boolean {
  for (let p: ASTPath | null = path; p; p = p.parent as ASTPath | null) if (p.node === ancestor.node) return true;
  return false;
}

/** `done = true;` as a statement of its own. */
function getFlagSetStatement(ref: ASTPath): ASTPath | null {
  const assignment = ref.parent?.node as Node;
  const isTrue = assignment.right?.type === 'BooleanLiteral' || assignment.right?.type === 'Literal';
  if (
    assignment.type !== 'AssignmentExpression' ||
    assignment.operator !== '=' ||
    !isTrue ||
    assignment.right?.value !== true
  )
    return null;
  const statement = ref.parent?.parent as ASTPath;
  return statement?.node.type === 'ExpressionStatement' ? statement : null;
}

/** The statement right before the loop, which starts the work the loop waits for. */
export function getStartStatement(loopStatement: ASTPath): ASTPath | null {
  const siblings = loopStatement.parent?.node.body as unknown[] | undefined;
  const index = Array.isArray(siblings) ? siblings.indexOf(loopStatement.node) : -1;
  return index < 1 ? null : ((loopStatement.parent as ASTPath).get('body', index - 1) as ASTPath);
}

/** The loop's flag-and-callback shape, or a reason it cannot be proven. */
export function readFlagLoop(input: StepInput, loopStatement: ASTPath, predicate: Node | undefined): FlagLoop | string {
  const flag = getNegatedFlag(predicate);
  if (!flag) return 'the loop condition is not `() => !flag`';
  const start = getStartStatement(loopStatement);
  if (!start) return 'no statement before the loop starts the work it waits for';
  const predicatePath = loopStatement.get('expression', 'arguments', 0) as ASTPath;
  const flagRef = findNodes(input.j(predicatePath), input.j.Identifier, { name: flag }).paths()[0];
  const declaration = flagRef && findDeclarator(input, flagRef, flag);
  if (!declaration) return `${flag} is not a local variable declared with let or var`;
  const refs = findReferences(input.j, input.root, declaration, flag).filter(
    (r) => r.node !== (declaration.node as { id?: unknown }).id,
  );
  const flagSets: ASTPath[] = [];
  for (const ref of refs) {
    if (isInside(ref, predicatePath)) continue;
    const set = isWriteReference(ref) ? getFlagSetStatement(ref) : null;
    const callback = set && getEnclosingFunction(set);
    if (!callback || !isInside(callback, start))
      return `${flag} is read or set outside the callback that ends the wait`;
    flagSets.push(set);
  }
  if (flagSets.length === 0) return `nothing in the statement before the loop sets ${flag}`;
  const init = (declaration.node as { init?: Node | null }).init ?? null;
  const startsFalse = !init || ((init.type === 'BooleanLiteral' || init.type === 'Literal') && init.value === false);
  if (!startsFalse) return `${flag} does not start as false`;
  if (jumpsOut(input, start)) return 'the statement before the loop returns, awaits or jumps out of its function';
  return { loopStatement, start, flag, flagSets, declarator: declaration };
}

const jumpTypes = ['ReturnStatement', 'AwaitExpression', 'YieldExpression', 'BreakStatement', 'ContinueStatement'];

/** Whether `start` has a return/await/yield/break/continue of its own function (it may be wrapped in a callback). */
export function jumpsOut(input: StepInput, start: ASTPath): boolean {
  const outer = getEnclosingFunction(start)?.node ?? null;
  return findNodes(input.j(start), input.j.Node).some(
    (path) =>
      jumpTypes.includes(path.node.type) && (getEnclosingFunction(path as unknown as ASTPath)?.node ?? null) === outer,
  );
}

export function findDeclarator(input: StepInput, ref: ASTPath, flag: string): ASTPath | null {
  const scope = (
    ref as unknown as { scope?: { lookup(n: string): { getBindings(): Record<string, ASTPath[]> } | null } }
  ).scope?.lookup(flag);
  const binding = scope?.getBindings()[flag]?.[0];
  const declarator = binding?.parent as ASTPath | undefined;
  if (declarator?.node.type !== 'VariableDeclarator' || declarator.node.id !== binding?.node) return null;
  const kind = (declarator.parent?.node as { kind?: string }).kind;
  return kind === 'let' || kind === 'var' ? declarator : null;
}
