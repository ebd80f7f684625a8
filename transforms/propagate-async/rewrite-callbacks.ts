/**
 * Array calls whose callback now awaits become loops that await each item in turn, as the synchronous
 * calls ran them (`forEach(async …)` would not wait; `Promise.all(items.map(async …))` would start
 * them all at once and keep running the rest after one fails):
 *   items.forEach((x, i) => { … })          → for (const [i, x] of items.entries()) { … }
 *   return items.map((x) => f(x)).join();   → const items2 = [];
 *                                             for (const x of items) { items2.push(await f(x)); }
 *                                             return items2.join();
 * The analysis (analysis/map-loop.ts) only plans shapes where this keeps the order of evaluation.
 */
import type { ASTPath, JSCodeshift } from 'jscodeshift';
import type { ExpressionKind, PatternKind, StatementKind } from 'ast-types/lib/gen/kinds';
import { buildAwait } from '../shared/build-await';

import { findNodes } from '../../source/tree-walk';

interface CallNode {
  type: string;
  callee: ExpressionKind & { type: string; object?: ExpressionKind; property?: unknown };
  arguments: ExpressionKind[];
}

/**
 * `--parallel-map` only: the call node itself becomes `Promise.all(<the call>)` (the plan awaits it), so
 * paths to it stay valid. Every callback then starts at once.
 */
export function wrapInPromiseAll(j: JSCodeshift, path: ASTPath): void {
  const node = path.node as unknown as CallNode;
  const inner = j.callExpression(node.callee, node.arguments);
  node.callee = j.memberExpression(j.identifier('Promise'), j.identifier('all'));
  node.arguments = [inner];
}

interface CallbackNode {
  type: string;
  params: PatternKind[];
  body: StatementKind | ExpressionKind;
}

/**
 * The loop head `for (const x of arr)` / `for (const [i, x] of arr.entries())` for a callback's
 * parameters; `for (const x of m.values())` when the receiver may be a Map or a Set, whose own
 * iterator yields entries where forEach passed values (`entries()` matches forEach's (value, key)).
 */
function buildLoopHead(j: JSCodeshift, array: ExpressionKind, callback: CallbackNode, iterateValues = false) {
  const [item, index] = callback.params;
  // `for (const x: T of …)` is not TypeScript: the array's element type takes over
  for (const param of [item, index]) if (param) (param as { typeAnnotation?: unknown }).typeAnnotation = null;
  const left = index
    ? j.arrayPattern([index, item ?? j.identifier('_item')] as PatternKind[])
    : (item ?? j.identifier('_item'));
  const method = index ? 'entries' : iterateValues ? 'values' : null;
  const iterated = method ? j.callExpression(j.memberExpression(array, j.identifier(method)), []) : array;
  return { declaration: j.variableDeclaration('const', [j.variableDeclarator(left)]), iterated };
}

function moveComments(from: unknown, to: unknown): void {
  const comments = (from as { comments?: unknown }).comments;
  if (!comments) return;
  (to as { comments?: unknown }).comments = comments;
  (from as { comments?: unknown }).comments = null;
}

/** `arr.forEach(cb);` → `for (const x of arr) …`. Returns false when the shape is not the planned one. */
export function replaceForEachWithLoop(j: JSCodeshift, path: ASTPath, iterateValues = false): boolean {
  const node = path.node as unknown as CallNode;
  const statement = path.parent as ASTPath;
  const callback = node.arguments[0] as unknown as CallbackNode;
  if (statement.node.type !== 'ExpressionStatement' || !node.callee.object || !callback?.params) return false;
  const { declaration, iterated } = buildLoopHead(j, node.callee.object, callback, iterateValues);
  const body =
    callback.body.type === 'BlockStatement'
      ? (callback.body as StatementKind)
      : j.blockStatement([j.expressionStatement(callback.body as ExpressionKind)]);
  const loop = j.forOfStatement(declaration, iterated, body);
  moveComments(statement.node, loop);
  statement.replace(loop);
  return true;
}

const chainTypes = new Set([
  'MemberExpression',
  'OptionalMemberExpression',
  'CallExpression',
  'OptionalCallExpression',
  'ParenthesizedExpression',
]);

interface MapStatement {
  /** The statement the loop goes before (or after, for a declaration that keeps its name). */
  statement: ASTPath;
  /** The declaration of the map's result, when the statement is one (`export const x = …` too). */
  declaration: ASTPath | null;
  /** The outermost expression the map is the object of (`map(…).join()`), or the map itself. */
  top: ASTPath;
  /** The statement is an arrow function whose expression body is `top`: it needs a block body first. */
  arrow?: boolean;
}

/** The statement whose expression starts with the map call (see analysis/map-loop.ts). */
function findMapStatement(path: ASTPath): MapStatement | null {
  let current = path;
  // up through `.join()`, `.length`, `[0]` and parentheses, as long as the map stays their object
  while (current.parent && chainTypes.has(current.parent.node.type)) {
    const parent = current.parent.node as { object?: unknown; callee?: unknown; expression?: unknown };
    if (parent.object !== current.node && parent.callee !== current.node && parent.expression !== current.node) break;
    current = current.parent as ASTPath;
  }
  const holder = current.parent as ASTPath | null;
  if (!holder) return null;
  if (holder.node.type === 'ArrowFunctionExpression' && (holder.node as { body?: unknown }).body === current.node) {
    return { statement: holder, declaration: null, top: current, arrow: true };
  }
  if (holder.node.type === 'ReturnStatement' || holder.node.type === 'ExpressionStatement')
    return { statement: holder, declaration: null, top: current };
  if (holder.node.type !== 'VariableDeclarator' || holder.parent?.node.type !== 'VariableDeclaration') return null;
  const declaration = holder.parent as ASTPath;
  const exported = declaration.parent?.node.type === 'ExportNamedDeclaration' ? (declaration.parent as ASTPath) : null;
  return { statement: exported ?? declaration, declaration, top: current };
}

interface MapOptions {
  mapArguments?: number;
  isTypeScript: boolean;
}

/** `(ids) => ids.map(…)` → `(ids) => { return ids.map(…); }`; the map's path in the new body. */
function expandArrowBody(j: JSCodeshift, found: MapStatement, path: ASTPath): ASTPath | undefined {
  const arrow = found.statement.node as { body: unknown; expression?: boolean };
  arrow.body = j.blockStatement([j.returnStatement(arrow.body as ExpressionKind)]);
  arrow.expression = false;
  return findNodes(j(found.statement), j.CallExpression)
    .filter((p) => p.node === path.node)
    .paths()[0];
}

type Declarator = { id: { type: string; name?: string; typeAnnotation?: unknown }; init: unknown };

/**
 * The name of the array the loop fills: the declared name when the statement only declares the map's
 * result, else a new one after what is mapped; null when the result is unused (a plain loop).
 */
function chooseArrayName(
  found: MapStatement,
  path: ASTPath,
  node: CallNode,
  pickName: (base: string) => string,
  options: MapOptions,
) {
  const unused = found.statement.node.type === 'ExpressionStatement' && found.top === path;
  const declarator = found.declaration
    ? (found.declaration.node as { declarations: Declarator[] }).declarations[0]
    : null;
  // TypeScript types `const x = []` from the pushes that follow, and refuses it where a closure reads
  // it (TS7034): without an annotation the array gets a name of its own and `x` its finished value
  const keepsType = !options.isTypeScript || Boolean(declarator?.id.typeAnnotation);
  const ownName =
    declarator && found.top === path && declarator.id.type === 'Identifier' && keepsType
      ? declarator.id.name
      : undefined;
  const arrayName = unused ? null : (ownName ?? pickName(describeArray(node.callee.object as ExpressionKind)));
  return { arrayName, ownName, declarator };
}

/** The callback's body as loop statements, its returned value pushed (or evaluated, for an unused map). */
function buildLoopBody(j: JSCodeshift, callback: CallbackNode, arrayName: string | null): StatementKind[] | null {
  const isBlock = callback.body.type === 'BlockStatement';
  const body = isBlock ? [...(callback.body as { body: StatementKind[] }).body] : [];
  const last = isBlock ? (body.pop() as { type: string; argument?: ExpressionKind } | undefined) : null;
  const value = last ? last.argument : (callback.body as ExpressionKind);
  if (!value) return null;
  // `(x) => ({ … })` needed its parentheses as an arrow body; as an argument they would double
  const extra = (value as { extra?: { parenthesized?: boolean } }).extra;
  if (extra?.parenthesized) extra.parenthesized = false;
  const push = arrayName
    ? j.expressionStatement(
        j.callExpression(j.memberExpression(j.identifier(arrayName), j.identifier('push')), [value]),
      )
    : j.expressionStatement(value);
  return [...body, push];
}

/**
 * `arr.map(cb)` at the start of its statement → an array filled by a loop just before the statement,
 * which then reads the array. A declaration of the map's result alone keeps its name for the array;
 * a map whose result is unused becomes a plain loop. Returns false when the shape is not the planned one.
 */
export function replaceMapWithLoop(
  j: JSCodeshift,
  path: ASTPath,
  pickName: (base: string) => string,
  options: MapOptions,
): boolean {
  const node = path.node as unknown as CallNode;
  const found = findMapStatement(path);
  if (!found || !node.callee.object) return false;
  if (found.arrow) {
    const moved = expandArrowBody(j, found, path);
    return moved ? replaceMapWithLoop(j, moved, pickName, options) : false;
  }
  const callback = options.mapArguments
    ? buildCallingCallback(j, node, options.mapArguments, pickName)
    : (node.arguments[0] as unknown as CallbackNode);
  if (!callback?.params) return false;
  const { arrayName, ownName, declarator } = chooseArrayName(found, path, node, pickName, options);
  const body = buildLoopBody(j, callback, arrayName);
  if (!body) return false;
  const { declaration, iterated } = buildLoopHead(j, node.callee.object, callback);
  const loop = j.forOfStatement(declaration, iterated, j.blockStatement(body));
  const { statement } = found;
  if (arrayName === null) {
    moveComments(statement.node, loop);
    statement.replace(loop);
  } else if (ownName && declarator) {
    declarator.init = j.arrayExpression([]);
    statement.insertAfter(loop);
  } else {
    const start = j.variableDeclaration('const', [
      j.variableDeclarator(j.identifier(arrayName), j.arrayExpression([])),
    ]);
    moveComments(statement.node, start);
    path.replace(j.identifier(arrayName));
    statement.insertBefore(start);
    statement.insertBefore(loop);
  }
  return true;
}

/**
 * `ids.map(price)`: the callback the loop inlines, `(item, index) => await price(item, index)`, passing
 * as many of map's arguments as the function reads (the analysis counted them).
 */
function buildCallingCallback(
  j: JSCodeshift,
  node: CallNode,
  count: number,
  pickName: (base: string) => string,
): CallbackNode {
  const item = j.identifier(pickName('item'));
  const index = j.identifier(pickName('index'));
  const array = node.callee.object as ExpressionKind;
  const passed: ExpressionKind[] = [item, index, array].slice(0, count);
  const call = j.callExpression(node.arguments[0], passed);
  return { type: 'ArrowFunctionExpression', params: count > 1 ? [item, index] : [item], body: buildAwait(j, call) };
}

/**
 * A name for the mapped array after what is mapped: `lines` → `linesResults` (made unique by the caller), else
 * `results`.
 */
function describeArray(array: ExpressionKind): string {
  const node = array as { type: string; name?: string; property?: { type: string; name?: string } };
  if (node.type === 'Identifier' && node.name) return `${node.name}Results`;
  if (node.type === 'MemberExpression' && node.property?.type === 'Identifier' && node.property.name)
    return `${node.property.name}Results`;
  return 'results';
}
