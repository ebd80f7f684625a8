/**
 * `await` is not allowed in a parameter list, so a default value that must await moves into the body:
 *
 *   function greet(name = loadName()) { … }
 *   → async function greet(name) { if (name === undefined) { name = await loadName(); } … }
 *
 * (TypeScript: `name: string = …` becomes `name?: string`; the assignment narrows it back.)
 * The analysis only plans this for a plain name with no later default, so evaluation order holds.
 */
import type { ASTPath, JSCodeshift } from 'jscodeshift';
import type { ExpressionKind, PatternKind, StatementKind } from 'ast-types/lib/gen/kinds';

interface ParameterNode {
  type: string;
  left: PatternKind & { type: string; name?: string; optional?: boolean; typeAnnotation?: unknown };
  right: ExpressionKind;
}

interface FunctionNode {
  type: string;
  params: PatternKind[];
  body: StatementKind | ExpressionKind;
  expression?: boolean;
}

export function moveDefaultIntoBody(j: JSCodeshift, path: ASTPath): boolean {
  const parameter = path.node as unknown as ParameterNode;
  const fn = path.parent?.node as unknown as FunctionNode | undefined;
  if (parameter.type !== 'AssignmentPattern' || parameter.left.type !== 'Identifier' || !fn?.params) return false;
  const index = fn.params.indexOf(path.node as unknown as PatternKind);
  if (index < 0) return false;
  const name = parameter.left.name;
  if (parameter.left.typeAnnotation) parameter.left.optional = true;
  fn.params[index] = parameter.left;
  const assignDefault = j.ifStatement(
    j.binaryExpression('===', j.identifier(name), j.identifier('undefined')),
    j.blockStatement([j.expressionStatement(j.assignmentExpression('=', j.identifier(name), parameter.right))]),
  );
  if (fn.body.type === 'BlockStatement') {
    const block = fn.body as unknown as { body: StatementKind[] };
    block.body = [assignDefault, ...block.body];
  } else {
    fn.body = j.blockStatement([assignDefault, j.returnStatement(fn.body as ExpressionKind)]);
    fn.expression = false;
  }
  return true;
}
