/**
 * The dotted name a user would write for a function (`getJson`, `Db.query`, `api.fetchUser`), the
 * same form `--async file#Name` takes. Anonymous functions (callbacks) have none.
 */
import type { ASTPath } from 'jscodeshift';

interface NamedNode {
  type: string;
  id?: { type: string; name?: string } | null;
  key?: { type: string; name?: string; value?: unknown; id?: { name?: string } } | null;
  left?: NamedNode | null;
  object?: NamedNode | null;
  property?: { type: string; name?: string; value?: unknown } | null;
  name?: string;
}

function getKeyName(key: NamedNode['key']): string | null {
  if (!key) return null;
  if (key.type === 'Identifier' && key.name) return key.name;
  if (key.type === 'PrivateName' && key.id?.name) return `#${key.id.name}`;
  if ((key.type === 'StringLiteral' || key.type === 'Literal') && typeof key.value === 'string') return key.value;
  return null;
}

/** `a.b.c` for a member chain of identifiers (with `this`, `exports` and `module.exports` dropped). */
function getMemberPath(node: NamedNode | null | undefined): string | null {
  if (!node) return null;
  if (node.type === 'Identifier') return node.name ?? null;
  if (node.type === 'ThisExpression') return '';
  if (node.type === 'MemberExpression' && node.property) {
    const object = getMemberPath(node.object);
    const prop = node.property.type === 'Identifier' ? node.property.name : null;
    if (object === null || !prop) return null;
    if (object === 'module' && prop === 'exports') return '';
    if (object === 'exports' || object === '') return prop;
    if (prop === 'prototype') return object;
    return `${object}.${prop}`;
  }
  return null;
}

export function functionNamePath(fn: ASTPath): string | null {
  const node = fn.node as unknown as NamedNode;
  if (node.type === 'FunctionDeclaration') return node.id?.name ?? null;
  const parentPath = fn.parent as ASTPath | null;
  const parent = parentPath?.node as unknown as NamedNode | undefined;
  if (!parent) return null;
  if (node.type === 'ClassMethod' || node.type === 'ClassPrivateMethod' || node.type === 'TSDeclareMethod') {
    return withClassName(fn, getKeyName(node.key));
  }
  if (node.type === 'ObjectMethod') return withObjectName(parentPath, getKeyName(node.key));
  switch (parent.type) {
    case 'VariableDeclarator':
      return parent.id?.type === 'Identifier' ? (parent.id.name ?? null) : null;
    case 'AssignmentExpression':
      return getMemberPath(parent.left) || null;
    case 'ClassProperty':
    case 'ClassPrivateProperty':
    case 'PropertyDefinition':
      return withClassName(parentPath, getKeyName(parent.key));
    case 'ObjectProperty':
    case 'Property':
      return withObjectName(parentPath?.parent as ASTPath | null, getKeyName(parent.key));
    default:
      return null;
  }
}

function withClassName(member: ASTPath | null, key: string | null): string | null {
  if (!key || !member) return null;
  const classPath = member.parent?.parent as ASTPath | null;
  const classNode = classPath?.node as unknown as NamedNode | undefined;
  let className = classNode?.id?.name;
  if (!className && classNode && classPath?.parent) {
    const holder = classPath.parent.node as unknown as NamedNode;
    if (holder.type === 'VariableDeclarator' && holder.id?.type === 'Identifier') className = holder.id.name;
  }
  return className ? `${className}.${key}` : key;
}

function withObjectName(objectPath: ASTPath | null | undefined, key: string | null): string | null {
  if (!key) return null;
  const holder = objectPath?.parent?.node as unknown as NamedNode | undefined;
  if (holder?.type === 'VariableDeclarator' && holder.id?.type === 'Identifier') return `${holder.id.name}.${key}`;
  if (holder?.type === 'AssignmentExpression') {
    const base = getMemberPath(holder.left);
    if (base === '') return key;
    if (base) return `${base}.${key}`;
  }
  return key;
}
