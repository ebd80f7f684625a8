/**
 * Array calls whose callback became async:
 *   items.map(async (x) => …)        → Promise.all(items.map(async (x) => …))   (awaited by the plan)
 *   items.forEach((x, i) => { … })   → for (const [i, x] of items.entries()) { … }
 * `forEach(async …)` would not wait, and the loop keeps the order of side effects.
 */
import type { ASTPath, JSCodeshift } from 'jscodeshift';
import type { ExpressionKind, PatternKind, StatementKind } from 'ast-types/lib/gen/kinds';

interface CallNode {
  type: string;
  callee: ExpressionKind & { type: string; object?: ExpressionKind; property?: unknown };
  arguments: ExpressionKind[];
}

/** Turns the call node itself into `Promise.all(<the call>)`, so paths to it stay valid. */
export function wrapInPromiseAll(j: JSCodeshift, path: ASTPath): void {
  const node = path.node as unknown as CallNode;
  const inner = j.callExpression(node.callee, node.arguments);
  node.callee = j.memberExpression(j.identifier('Promise'), j.identifier('all')) as CallNode['callee'];
  node.arguments = [inner];
}

interface CallbackNode {
  type: string;
  params: PatternKind[];
  body: StatementKind | ExpressionKind;
}

/** `arr.forEach(cb);` → `for (const x of arr) …`. Returns false when the shape is not the planned one. */
export function replaceForEachWithLoop(j: JSCodeshift, path: ASTPath): boolean {
  const node = path.node as unknown as CallNode;
  const statement = path.parent as ASTPath;
  const callback = node.arguments[0] as unknown as CallbackNode;
  if (statement.node.type !== 'ExpressionStatement' || !node.callee.object || !callback?.params) return false;
  const [item, index] = callback.params;
  // `for (const x: T of …)` is not TypeScript: the array's element type takes over
  for (const param of [item, index]) if (param) (param as { typeAnnotation?: unknown }).typeAnnotation = null;
  const array = node.callee.object;
  const left = index
    ? j.arrayPattern([index, item ?? j.identifier('_item')] as PatternKind[])
    : (item ?? j.identifier('_item'));
  const iterated = index ? j.callExpression(j.memberExpression(array, j.identifier('entries')), []) : array;
  const body =
    callback.body.type === 'BlockStatement'
      ? (callback.body as StatementKind)
      : j.blockStatement([j.expressionStatement(callback.body as ExpressionKind)]);
  const loop = j.forOfStatement(j.variableDeclaration('const', [j.variableDeclarator(left as PatternKind)]), iterated, body);
  const comments = (statement.node as { comments?: unknown }).comments;
  if (comments) (loop as { comments?: unknown }).comments = comments;
  statement.replace(loop);
  return true;
}
