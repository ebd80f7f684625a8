/**
 * The deasync facade shape: a loop over several flags that callbacks of the statement before it set.
 *   api.run(cmd, (err, res) => { if (err) error = err; else { result = res; done = true; } });
 *   deasync.loopWhile(() => !done && !error);
 *     →  await new Promise((resolve) => {
 *          api.run(cmd, (err, res) => { if (err) { error = err; if (done || error) resolve(); } else { … } });
 *        });
 * The loop ends as soon as the condition turns false, so each assignment to a flag inside those
 * callbacks is followed by the same test; the flags stay (code after the loop reads them).
 */
import type { ASTPath } from 'jscodeshift';
import type { ExpressionKind, StatementKind } from 'ast-types/lib/gen/kinds';
import { getEnclosingFunction } from '../shared/functions';
import { getUniqueName } from '../shared/modules';
import { findReferences, isWriteReference } from '../shared/references';
import { findDeclarator, isInside, jumpsOut } from './flag-loop';
import type { StepInput } from './step';

import { findNodes } from '../../source/tree-walk';

export interface CompoundLoop {
  start: ASTPath;
  flags: string[];
  /** Assignment statements to any flag, inside callbacks within `start`. */
  writes: ASTPath[];
}

interface Node {
  type: string;
  name?: string;
  operator?: string;
  argument?: Node;
  left?: Node;
  right?: Node;
  body?: Node | Node[];
  params?: unknown[];
  value?: unknown;
}

/** `() => !a && !b && …` → ['a', 'b', …]. */
export function getNegatedFlags(predicate: Node | undefined): string[] | null {
  if (
    !predicate ||
    (predicate.type !== 'ArrowFunctionExpression' && predicate.type !== 'FunctionExpression') ||
    (predicate.params ?? []).length > 0
  )
    return null;
  let expr = predicate.body as Node | undefined;
  if (expr?.type === 'BlockStatement') {
    const body = expr.body as Node[];
    expr = body.length === 1 && body[0].type === 'ReturnStatement' ? body[0].argument : undefined;
  }
  const flags: string[] = [];
  const collect = (node: Node | undefined): boolean => {
    if (node?.type === 'LogicalExpression' && node.operator === '&&') return collect(node.left) && collect(node.right);
    const isNegatedName =
      node?.type === 'UnaryExpression' && node.operator === '!' && node.argument?.type === 'Identifier';
    if (isNegatedName) flags.push(String(node?.argument?.name));
    return isNegatedName;
  };
  return collect(expr) ? flags : null;
}

const falsyLiteralTypes = new Set(['BooleanLiteral', 'NullLiteral', 'Literal', 'NumericLiteral']);

function startsFalsy(declarator: ASTPath): boolean {
  const init = (declarator.node as { init?: Node | null }).init;
  return (
    !init ||
    (falsyLiteralTypes.has(init.type) && !init.value) ||
    (init.type === 'Identifier' && init.name === 'undefined')
  );
}

/** Reads the flags' writes, or says why the loop cannot be proven to wait for `start` alone. */
export function readCompoundLoop(
  input: StepInput,
  loopStatement: ASTPath,
  start: ASTPath,
  flags: string[],
): CompoundLoop | string {
  const writes: ASTPath[] = [];
  for (const flag of flags) {
    const ref = findNodes(input.j(loopStatement), input.j.Identifier, { name: flag }).paths()[0];
    const declarator = ref && findDeclarator(input, ref, flag);
    if (!declarator || !startsFalsy(declarator))
      return `${flag} is not a local declared with let or var and a false start value`;
    for (const use of findReferences(input.j, input.root, declarator, flag)) {
      if (!isWriteReference(use)) continue;
      const statement = use.parent?.parent as ASTPath;
      const callback = getEnclosingFunction(use);
      const isStatement = (use.parent?.node as Node).operator === '=' && statement?.node.type === 'ExpressionStatement';
      if (!isStatement || !callback || !isInside(callback, start))
        return `${flag} is set outside the callbacks of the statement before the loop`;
      writes.push(statement);
    }
  }
  if (writes.length === 0) return 'nothing in the statement before the loop sets its flags';
  if (jumpsOut(input, start)) return 'the statement before the loop returns, awaits or jumps out of its function';
  return { start, flags, writes };
}

/** `await new Promise((resolve) => { start })`, each flag write followed by `if (a || b) resolve();`. */
export function buildCompoundAwait(input: StepInput, loop: CompoundLoop): StatementKind[] {
  const { j } = input;
  const resolve = getUniqueName(j, input.root, 'resolve');
  const buildCheck = () => {
    const [first, ...rest] = loop.flags.map((f) => j.identifier(f) as ExpressionKind);
    const test = rest.reduce((left, right) => j.logicalExpression('||', left, right), first);
    return j.ifStatement(test, j.blockStatement([j.expressionStatement(j.callExpression(j.identifier(resolve), []))]));
  };
  for (const write of loop.writes) {
    const list = (write.parent?.node as { body?: unknown }).body;
    if (Array.isArray(list)) write.insertAfter(buildCheck());
    else write.replace(j.blockStatement([write.node as StatementKind, buildCheck()]));
  }
  const executor = j.arrowFunctionExpression(
    [j.identifier(resolve)],
    j.blockStatement([loop.start.node as StatementKind]),
  );
  const promise = j.newExpression(j.identifier('Promise'), [executor]);
  if (input.context.isTypeScript)
    Object.assign(promise, { typeParameters: j.tsTypeParameterInstantiation([j.tsVoidKeyword()]) });
  return [j.expressionStatement(j.awaitExpression(promise))];
}
