/**
 * Evaluation order: where new statements can go so that they run exactly when an expression deep in a
 * statement would have run. `f(a, request('GET', u).getBody())` can become
 *   const response = await request(u); …; f(a, responseBody)
 * only if nothing with a side effect is evaluated before the call inside that statement and the call
 * is not conditional (`x && …`, `c ? … : …`, a loop test).
 */
import type { ASTNode, ASTPath, JSCodeshift } from 'jscodeshift';

interface AnyNode {
  type: string;
  [key: string]: unknown;
}

const effectTypes = new Set([
  'CallExpression',
  'OptionalCallExpression',
  'NewExpression',
  'AssignmentExpression',
  'UpdateExpression',
  'AwaitExpression',
  'YieldExpression',
  'TaggedTemplateExpression',
  'ImportExpression',
]);

/** True when evaluating `node` cannot have a side effect (no calls, assignments, awaits; getters aside). */
export function isSideEffectFree(node: unknown): boolean {
  if (!node || typeof node !== 'object') return true;
  if (Array.isArray(node)) return node.every(isSideEffectFree);
  const n = node as AnyNode;
  if (typeof n.type !== 'string') return true;
  if (effectTypes.has(n.type)) return false;
  if (n.type === 'UnaryExpression' && n.operator === 'delete') return false;
  // a nested function is only created, not run
  if (/Function|ClassExpression/.test(n.type)) return true;
  for (const key of Object.keys(n)) {
    if (
      key === 'loc' ||
      key === 'comments' ||
      key === 'leadingComments' ||
      key === 'trailingComments' ||
      key === 'typeAnnotation'
    )
      continue;
    if (!isSideEffectFree(n[key])) return false;
  }
  return true;
}

/** Children of `parent` evaluated before the child at `name`/`index`, in evaluation order. */
function getEarlierSiblings(parent: AnyNode, name: string | number, index: number | null): unknown[] | null {
  switch (parent.type) {
    case 'CallExpression':
    case 'OptionalCallExpression':
    case 'NewExpression':
      if (name === 'callee') return [];
      return [parent.callee, ...(parent.arguments as unknown[]).slice(0, index ?? 0)];
    case 'MemberExpression':
    case 'OptionalMemberExpression':
      return name === 'object' ? [] : [parent.object];
    case 'BinaryExpression':
      return name === 'left' ? [] : [parent.left];
    case 'LogicalExpression':
      return name === 'left' ? [] : null;
    case 'ConditionalExpression':
      return name === 'test' ? [] : null;
    case 'TemplateLiteral':
      return (parent.expressions as unknown[]).slice(0, index ?? 0);
    case 'ArrayExpression':
      return (parent.elements as unknown[]).slice(0, index ?? 0);
    case 'ObjectExpression':
      return (parent.properties as unknown[]).slice(0, index ?? 0);
    case 'ObjectProperty':
    case 'Property':
      return name === 'value' && !parent.computed ? [] : null;
    case 'AssignmentExpression':
      return name === 'right' && (parent.left as AnyNode).type === 'Identifier' ? [] : null;
    case 'VariableDeclarator':
      return name === 'init' ? [] : null;
    case 'VariableDeclaration':
      return (parent.declarations as AnyNode[]).slice(0, index ?? 0).map((d) => d.init);
    case 'UnaryExpression':
    case 'SpreadElement':
    case 'ParenthesizedExpression':
    case 'TSAsExpression':
    case 'TSSatisfiesExpression':
    case 'TSNonNullExpression':
    case 'TSTypeAssertion':
    case 'AwaitExpression':
      return [];
    default:
      return null;
  }
}

const statementStops = new Set(['ExpressionStatement', 'ReturnStatement', 'ThrowStatement', 'VariableDeclaration']);

export type HoistTarget =
  | { kind: 'statement'; statement: ASTPath }
  /** The expression is (in) the body of an arrow function without braces: wrap it in `{ return … }` first. */
  | { kind: 'arrow-body'; arrow: ASTPath };

/**
 * The statement before which code can run in place of `path`'s evaluation, or null when the
 * expression is conditional or comes after another side effect in its statement.
 */
export function findHoistTarget(path: ASTPath): HoistTarget | null {
  let current: ASTPath = path;
  for (;;) {
    const parentPath = current.parent as ASTPath | null;
    if (!parentPath) return null;
    const parent = parentPath.node as unknown as AnyNode;
    if (parent.type === 'ArrowFunctionExpression' && parent.body === current.node) {
      return { kind: 'arrow-body', arrow: parentPath };
    }
    if (
      (parent.type === 'IfStatement' || parent.type === 'SwitchStatement') &&
      current.name !== 'consequent' &&
      current.name !== 'alternate' &&
      current.name !== 'cases'
    ) {
      return { kind: 'statement', statement: parentPath };
    }
    if (statementStops.has(parent.type) && parent.type !== 'VariableDeclaration') {
      return { kind: 'statement', statement: parentPath };
    }
    const { name, index } = getPosition(current);
    const earlier = getEarlierSiblings(parent, name, index);
    if (earlier === null || !earlier.every(isSideEffectFree)) return null;
    if (parent.type === 'VariableDeclaration') return getDeclarationStatement(parentPath);
    current = parentPath;
  }
}

function getDeclarationStatement(declaration: ASTPath): HoistTarget | null {
  const holder = declaration.parent as ASTPath | null;
  const type = holder?.node.type ?? '';
  if (type === 'ExportNamedDeclaration') return { kind: 'statement', statement: holder as ASTPath };
  if (/^For/.test(type)) return null;
  return { kind: 'statement', statement: declaration };
}

/** The property name and (for list members) index of `path` within its parent node. */
function getPosition(path: ASTPath): { name: string | number; index: number | null } {
  const listPath = path.parentPath as ASTPath | null;
  if (typeof path.name === 'number' && listPath) return { name: String(listPath.name), index: path.name };
  return { name: path.name as string | number, index: null };
}

/** `(x) => expr` becomes `(x) => { return expr; }` so statements can be put before the return. */
export function wrapArrowBody(j: JSCodeshift, arrow: ASTPath): ASTPath {
  const node = arrow.node as unknown as { body: ASTNode & { body?: unknown[] } };
  // already wrapped by an earlier edit: statements were put before its `return`, which stays last
  if (node.body.type === 'BlockStatement')
    return arrow.get('body', 'body', (node.body.body ?? []).length - 1) as ASTPath;
  const ret = j.returnStatement(node.body as never);
  node.body = j.blockStatement([ret]);
  return arrow.get('body', 'body', 0) as ASTPath;
}

/** Makes sure `statement` sits in a statement list (wraps `if (c) return x;` bodies in a block). */
export function ensureInStatementList(j: JSCodeshift, statement: ASTPath): ASTPath {
  if (typeof statement.name === 'number') return statement;
  const holder = statement.parentPath as ASTPath;
  const name = statement.name as string;
  (holder.node as unknown as Record<string, unknown>)[name] = j.blockStatement([statement.node as never]);
  return holder.get(name, 'body', 0) as ASTPath;
}

/** Inserts `nodes` before `statement`, moving the statement's leading comments to the first of them. */
export function insertBeforeStatement(statement: ASTPath, nodes: ASTNode[]): void {
  if (nodes.length === 0) return;
  const target = statement.node as unknown as { comments?: { leading?: boolean }[] | null };
  const leading = (target.comments ?? []).filter((c) => c.leading);
  if (leading.length > 0) {
    target.comments = (target.comments ?? []).filter((c) => !c.leading);
    const first = nodes[0] as unknown as { comments?: unknown[] };
    first.comments = [...leading, ...(first.comments ?? [])];
  }
  for (const node of nodes) statement.insertBefore(node);
}
