/**
 * A function's own body: the nodes that run in that function, not in a function nested inside it.
 * `yield`, `return`, `await` and `arguments` belong to the nearest function; `this` to the nearest
 * non-arrow function.
 */
import type { ASTNode, ASTPath, Collection, JSCodeshift } from 'jscodeshift';
import type { Type } from 'ast-types/lib/types';
import { getEnclosingFunction, isFunctionLike } from './functions';

import { findNodes } from '../../source/tree-walk';

/** Paths of `type` inside `fn` whose nearest enclosing function is `fn` itself. */
export function findInOwnBody<T>(j: JSCodeshift, fn: ASTPath, type: Type<T>): ASTPath<T>[] {
  const found = (j(fn) as Collection).find(type as unknown as Type<ASTNode>).paths() as unknown as ASTPath<T>[];
  return found.filter((path) => getEnclosingFunction(path as unknown as ASTPath)?.node === fn.node);
}

/** The nearest non-arrow function around `path` (the one that gives `this` and `arguments`). */
export function getThisFunction(path: ASTPath): ASTPath | null {
  let current: ASTPath | null = path.parent as ASTPath | null;
  while (current) {
    if (isFunctionLike(current.node) && current.node.type !== 'ArrowFunctionExpression') return current;
    current = current.parent as ASTPath | null;
  }
  return null;
}

/** Whether `fn`'s own body reads `this` or `arguments` (arrows inside it see the same ones). */
export function usesOwnThisOrArguments(j: JSCodeshift, fn: ASTPath): boolean {
  const own = (path: ASTPath) => getThisFunction(path)?.node === fn.node;
  const thisUse =
    findNodes(j(fn) as Collection, j.ThisExpression)
      .filter(own)
      .size() > 0;
  const argumentsUse =
    findNodes(j(fn) as Collection, j.Identifier, { name: 'arguments' })
      .filter((path: ASTPath) => own(path) && !isPropertyName(path))
      .size() > 0;
  return thisUse || argumentsUse;
}

/** `x.name` or `{ name: … }`: an identifier that names a property rather than a binding. */
export function isPropertyName(path: ASTPath): boolean {
  const parent = path.parent?.node as ASTNode & Record<string, unknown> & { computed?: boolean; shorthand?: boolean };
  if (!parent) return false;
  const is = (field: string) => parent[field] === path.node;
  switch (parent.type as string) {
    case 'MemberExpression':
    case 'OptionalMemberExpression':
      return is('property') && !parent.computed;
    case 'ObjectProperty':
    case 'Property':
    case 'ObjectMethod':
    case 'ClassMethod':
    case 'ClassPrivateMethod':
    case 'ClassProperty':
    case 'ClassAccessorProperty':
    case 'TSPropertySignature':
    case 'TSMethodSignature':
      return is('key') && !parent.computed && !parent.shorthand;
    // `import { readFile as read }`: `readFile` names the export; `read` is the binding
    case 'ImportSpecifier':
      return is('imported') && parent.imported !== parent.local;
    case 'ExportSpecifier':
      return is('exported') && parent.exported !== parent.local;
    case 'LabeledStatement':
    case 'BreakStatement':
    case 'ContinueStatement':
      return is('label');
    case 'MetaProperty':
      return true;
    case 'TSQualifiedName':
      return is('right');
    default:
      return false;
  }
}
