/**
 * Step: an async IIFE awaited inside an async function is inlined when that is provably the same.
 *   await (async () => { const a = await load(); save(a); })();     →  const a = await load(); save(a);
 *   const v = await (async () => { …; return x; })();               →  …; const v = await x;
 * Only arrows without parameters; refused when a name the IIFE declares is used elsewhere in the
 * enclosing function, or when a `return` would leave the enclosing function instead of the IIFE.
 */
import type { ASTPath } from 'jscodeshift';
import type { ExpressionKind, StatementKind } from 'ast-types/lib/gen/kinds';
import { buildAwait } from '../shared/build-await';
import { findInOwnBody } from '../shared/function-body';
import { getEnclosingFunction } from '../shared/functions';
import { replaceStatement } from '../shared/statement-comments';
import type { StepInput } from './step';

import { findNodes } from '../../source/tree-walk';

interface Node {
  type: string;
  async?: boolean;
  params?: unknown[];
  body?: Node | Node[];
  callee?: Node;
  arguments?: unknown[];
  argument?: Node | null;
  declarations?: { id: Node; init: unknown }[];
  kind?: string;
}

// A returned value that is certainly not a thenable needs no await after inlining.
const settledTypes = new Set([
  'AwaitExpression',
  'StringLiteral',
  'NumericLiteral',
  'BooleanLiteral',
  'NullLiteral',
  'TemplateLiteral',
  'ArrayExpression',
  'ObjectExpression',
  'BinaryExpression',
  'UnaryExpression',
]);

/** The arrow of `(async () => { … })()`, when the await's argument is one. */
function getIifeArrow(awaitPath: ASTPath): ASTPath | null {
  const call = (awaitPath.node as unknown as Node).argument;
  const arrow = call?.callee;
  const isIife =
    call?.type === 'CallExpression' && (call.arguments ?? []).length === 0 && arrow?.type === 'ArrowFunctionExpression';
  if (!isIife || !arrow?.async || (arrow.params ?? []).length > 0 || (arrow.body as Node).type !== 'BlockStatement')
    return null;
  return (awaitPath.get('argument') as ASTPath).get('callee') as ASTPath;
}

/** Names the IIFE declares (its own scope) that the enclosing function also uses outside it. */
function hasNameClash(input: StepInput, arrow: ASTPath, outer: ASTPath): boolean {
  const scope = (arrow as unknown as { scope?: { getBindings(): Record<string, unknown> } }).scope;
  const declared = Object.keys(scope?.getBindings() ?? {});
  const blockScoped = findNodes(input.j(arrow.get('body') as ASTPath), input.j.VariableDeclarator)
    .nodes()
    .map((d) => (d as unknown as { id: { name?: string } }).id.name);
  const names = new Set([...declared, ...blockScoped].filter((n): n is string => Boolean(n)));
  const uses = findNodes(input.j(outer), input.j.Identifier).filter(
    (path) => names.has(String(path.node.name)) && !isInside(path as ASTPath, arrow),
  );
  return uses.size() > 0;
}

function isInside(path: ASTPath, ancestor: ASTPath): boolean {
  for (let p: ASTPath | null = path; p; p = p.parent as ASTPath | null) if (p.node === ancestor.node) return true;
  return false;
}

/** The statements replacing the await's statement, or null when inlining would change control flow. */
function buildInlined(input: StepInput, statement: ASTPath, arrow: ASTPath): StatementKind[] | null {
  const body = [...(((arrow.node as unknown as Node).body as Node).body as Node[])] as unknown as StatementKind[];
  const returns = findInOwnBody(input.j, arrow, input.j.ReturnStatement);
  const node = statement.node as unknown as Node;
  if (node.type === 'ExpressionStatement') return returns.length === 0 ? body : null;
  if (node.type !== 'VariableDeclaration' || node.declarations?.length !== 1) return null;
  const last = body[body.length - 1] as unknown as Node;
  if (returns.length !== 1 || returns[0].node !== (last as unknown) || !last.argument) return null;
  const value = last.argument;
  const init = settledTypes.has(value.type)
    ? (value as unknown as ExpressionKind)
    : buildAwait(input.j, value as unknown as ExpressionKind);
  const declaration = input.j.variableDeclaration(node.kind as 'const', [
    input.j.variableDeclarator(node.declarations[0].id as never, init),
  ]);
  return [...body.slice(0, -1), declaration];
}

function inlineIife(input: StepInput, awaitPath: ASTPath): boolean {
  const arrow = getIifeArrow(awaitPath);
  const outer = getEnclosingFunction(awaitPath);
  if (!arrow || !outer || !(outer.node as unknown as Node).async) return false;
  const parent = awaitPath.parent as ASTPath;
  const parentType = parent.node.type;
  const statement =
    parentType === 'ExpressionStatement'
      ? parent
      : parentType === 'VariableDeclarator'
        ? (parent.parent as ASTPath)
        : null;
  if (!statement || statement.parent?.node.type !== 'BlockStatement' || hasNameClash(input, arrow, outer)) return false;
  const inlined = buildInlined(input, statement, arrow);
  if (!inlined) return false;
  replaceStatement(statement, inlined);
  return true;
}

export function inlineAsyncIifes(input: StepInput): boolean {
  const { j, root } = input;
  let changed = false;
  for (const awaitPath of findNodes(root, j.AwaitExpression).paths().reverse()) {
    if (inlineIife(input, awaitPath)) changed = true;
  }
  return changed;
}
