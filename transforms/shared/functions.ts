/**
 * Functions as the transforms see them: which nodes are functions, which function a node runs in,
 * and how a function becomes async (with its TypeScript return type wrapped in Promise<…>).
 */
import type { ASTNode, ASTPath, JSCodeshift } from 'jscodeshift';

/** Node types of functions (Babel AST), as the analysis' positions and the transforms match them. */
export const functionTypes: ReadonlySet<string> = new Set([
  'FunctionDeclaration',
  'FunctionExpression',
  'ArrowFunctionExpression',
  'ObjectMethod',
  'ClassMethod',
  'ClassPrivateMethod',
]);

export function isFunctionLike(node: ASTNode | null | undefined): boolean {
  return Boolean(node && functionTypes.has(node.type));
}

/** The nearest function around `path`, or null at module top level. */
export function getEnclosingFunction(path: ASTPath): ASTPath | null {
  let current: ASTPath | null = path.parent as ASTPath | null;
  while (current) {
    if (isFunctionLike(current.node)) return current;
    current = current.parent as ASTPath | null;
  }
  return null;
}

interface FunctionNode {
  type: string;
  async?: boolean;
  generator?: boolean;
  kind?: string;
  returnType?: TypeAnnotationNode | null;
}

interface TypeNode {
  type: string;
  typeName?: { type: string; name?: string };
}

/** Why a function cannot be made async, or null when it can. */
export function getAsyncBlocker(fn: ASTPath): string | null {
  const node = fn.node as unknown as FunctionNode;
  if (node.kind === 'constructor') return 'a constructor cannot be async';
  if (node.kind === 'get') return 'a getter cannot be async';
  if (node.kind === 'set') return 'a setter cannot be async';
  if (node.generator && !node.async) return 'a generator function would become an async generator';
  return null;
}

function isPromiseType(type: TypeNode): boolean {
  return type.type === 'TSTypeReference' && type.typeName?.type === 'Identifier' && type.typeName.name === 'Promise';
}

/** A TypeScript type annotation (`: T`), as Babel gives it. */
export interface TypeAnnotationNode {
  type: string;
  typeAnnotation?: TypeNode | null;
}

/**
 * `: T` → `: Promise<T>` (`void` → `Promise<void>`) in a declared return type; false when there is none
 * or it already is a Promise. Every place that makes a TypeScript function or signature async uses this.
 */
export function wrapReturnAnnotation(j: JSCodeshift, annotation: TypeAnnotationNode | null | undefined): boolean {
  const type = annotation?.type === 'TSTypeAnnotation' ? annotation.typeAnnotation : null;
  if (!annotation || !type || isPromiseType(type)) return false;
  annotation.typeAnnotation = j.tsTypeReference(
    j.identifier('Promise'),
    j.tsTypeParameterInstantiation([type as never]),
  ) as unknown as TypeNode;
  return true;
}

/**
 * Makes `fn` async. In TypeScript a declared return type `T` becomes `Promise<T>` (`void` →
 * `Promise<void>`); an inferred one is left to the compiler. Returns false when it already was async.
 */
export function markAsync(j: JSCodeshift, fn: ASTPath): boolean {
  const node = fn.node as unknown as FunctionNode;
  if (node.async) return false;
  node.async = true;
  wrapReturnAnnotation(j, node.returnType);
  return true;
}

/** Whether `path` sits directly at module top level (not inside any function). */
export function isTopLevel(path: ASTPath): boolean {
  return getEnclosingFunction(path) === null;
}
