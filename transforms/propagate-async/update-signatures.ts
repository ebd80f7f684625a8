/**
 * Types that describe a function made async: interface members, abstract methods, overload
 * signatures and function types get `Promise<T>` (`get(id: string): User;` →
 * `get(id: string): Promise<User>;`); in JavaScript, a JSDoc `@returns {T}` becomes `{Promise<T>}`.
 */
import type { ASTNode, ASTPath, JSCodeshift } from 'jscodeshift';
import { wrapReturnAnnotation } from '../shared/functions';

interface TypeHolder {
  type: string;
  typeAnnotation?: TypeHolder | null;
  returnType?: TypeHolder | null;
  typeName?: { type: string; name?: string };
}

export const signatureTypes = new Set([
  'TSMethodSignature',
  'TSPropertySignature',
  'TSDeclareMethod',
  'TSDeclareFunction',
  'TSFunctionType',
  'ClassMethod',
]);

/** The TSTypeAnnotation holding the return type of a signature-like node, if it declares one. */
function getReturnAnnotation(node: TypeHolder): TypeHolder | null {
  if (node.type === 'TSPropertySignature') {
    const fnType = node.typeAnnotation?.typeAnnotation;
    return fnType?.type === 'TSFunctionType' ? getReturnAnnotation(fnType) : null;
  }
  if (node.type === 'TSMethodSignature' || node.type === 'TSFunctionType') {
    return node.typeAnnotation ?? node.returnType ?? null;
  }
  return node.returnType ?? null;
}

/** Wraps the declared return type in Promise<…>; false when there is none or it already is one. */
export function wrapReturnType(j: JSCodeshift, path: ASTPath): boolean {
  return wrapReturnAnnotation(j, getReturnAnnotation(path.node as unknown as TypeHolder));
}

interface Commented {
  comments?: { type: string; value: string; leading?: boolean }[] | null;
  leadingComments?: { type: string; value: string }[] | null;
}

const returnsTag = /(@returns?\s*\{)(?!\s*Promise\s*<)([^}]*)(\})/;

/** The node whose leading comment documents `fn` (the function, or the statement declaring it). */
function findDocumentedNode(fn: ASTPath): ASTNode[] {
  const nodes: ASTNode[] = [fn.node];
  let current = fn.parent as ASTPath | null;
  for (let depth = 0; current && depth < 4; depth += 1) {
    nodes.push(current.node);
    if (/Statement$|Declaration$|Property$|Method$/.test(current.node.type)) break;
    current = current.parent as ASTPath | null;
  }
  return nodes;
}

/** `@returns {User}` → `@returns {Promise<User>}` in the JSDoc block above `fn`. */
export function updateJsDocReturns(fn: ASTPath): boolean {
  for (const node of findDocumentedNode(fn)) {
    const commented = node as unknown as Commented;
    for (const comment of [...(commented.comments ?? []), ...(commented.leadingComments ?? [])]) {
      if (comment.type !== 'CommentBlock' || !comment.value.startsWith('*')) continue;
      if (!returnsTag.test(comment.value)) continue;
      comment.value = comment.value.replace(returnsTag, (_m, open: string, type: string, close: string) => {
        return `${open}Promise<${type.trim()}>${close}`;
      });
      return true;
    }
  }
  return false;
}
