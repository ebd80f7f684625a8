/**
 * The places that use a variable: identifiers with its name that resolve to the scope declaring it
 * (a shadowing local of the same name is another variable). Property names (`x.name`, `{ name: 1 }`)
 * are not references.
 */
import type { ASTPath, Collection, JSCodeshift } from 'jscodeshift';
import { isPropertyName } from './function-body';

import { findNodes } from '../../source/tree-walk';

interface Scoped {
  scope?: { lookup(name: string): unknown } | null;
}

/** The scope object that declares `name` as seen from `path`, or null for an undeclared name. */
export function getDeclaringScope(path: ASTPath, name: string): unknown {
  return (path as unknown as Scoped).scope?.lookup(name) ?? null;
}

/**
 * Every identifier `name` that resolves to the same declaration as seen from `declaration` (any path in
 * the declaring scope, e.g. the declarator); the declaring identifier itself is included.
 */
export function findReferences(j: JSCodeshift, root: Collection, declaration: ASTPath, name: string): ASTPath[] {
  const scope = getDeclaringScope(declaration, name);
  return findNodes(root, j.Identifier, { name })
    .filter((path: ASTPath) => !isPropertyName(path) && getDeclaringScope(path, name) === scope)
    .paths();
}

/** Whether the expression at `path` is assigned (`x = …`, `x.y += …`, `x++`) rather than read. */
export function isWriteReference(path: ASTPath): boolean {
  const parent = path.parent?.node as { type: string; left?: unknown; argument?: unknown } | undefined;
  if (!parent) return false;
  if (parent.type === 'AssignmentExpression') return parent.left === path.node;
  return parent.type === 'UpdateExpression' && parent.argument === path.node;
}

/** Whether `name` (as declared where `declaration` sees it) is never assigned after its declaration. */
export function isNeverReassigned(j: JSCodeshift, root: Collection, declaration: ASTPath, name: string): boolean {
  return !findReferences(j, root, declaration, name).some(isWriteReference);
}

/**
 * TypeScript nodes that hold a type, where a name is a type use (`implements x.I` is a
 * TSExpressionWithTypeArguments; `class A extends x.B` is a value); the expression forms (`x as T`) are not among them.
 */
const typeHolders = new Set<string>([
  'TSTypeAnnotation',
  'TSTypeReference',
  'TSQualifiedName',
  'TSTypeQuery',
  'TSExpressionWithTypeArguments',
  'TSTypeParameterInstantiation',
]);

/** `x` in `x.Verb` as a type, `typeof x`, `implements x.I`: a reference TypeScript erases. */
export function isTypeReference(path: ASTPath): boolean {
  return typeHolders.has((path.parent as ASTPath | null)?.node.type ?? '');
}
