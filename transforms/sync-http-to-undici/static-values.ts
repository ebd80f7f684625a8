/** Values the transform can read without running the code: literals, literal keys, const object literals. */
import type { ASTNode, ASTPath, Collection, JSCodeshift } from 'jscodeshift';
import { findReferences, isNeverReassigned } from '../shared/references';

interface LiteralLike {
  type: string;
  value?: unknown;
  name?: string;
  quasis?: { value: { cooked?: string | null } }[];
  expressions?: unknown[];
}

/** The text of a string literal (or a template literal without expressions), else null. */
export function readStringLiteral(node: ASTNode | null | undefined): string | null {
  const n = node as LiteralLike | null | undefined;
  if (!n) return null;
  if ((n.type === 'StringLiteral' || n.type === 'Literal') && typeof n.value === 'string') return n.value;
  if (n.type === 'TemplateLiteral' && n.expressions?.length === 0) return n.quasis?.[0]?.value.cooked ?? null;
  return null;
}

/** The name of a non-computed object property or method (`a`, `'a'`), null for spreads and computed keys. */
export function getPropertyName(node: ASTNode): string | null {
  const n = node as unknown as { type: string; computed?: boolean; key?: LiteralLike };
  if (n.type !== 'ObjectProperty' && n.type !== 'Property') return null;
  if (n.computed || !n.key) return null;
  if (n.key.type === 'Identifier') return n.key.name ?? null;
  if (typeof n.key.value === 'string') return n.key.value;
  return null;
}

/**
 * The keys of an object literal, or of a never-reassigned variable initialised with one in the same
 * file and never written through (`headers.x = …`); null when they cannot be known.
 */
export function getStaticKeys(j: JSCodeshift, root: Collection, at: ASTPath, value: ASTNode): string[] | null {
  const object = value.type === 'Identifier' ? resolveConstObject(j, root, at, value) : value;
  if (!object || object.type !== 'ObjectExpression') return null;
  const keys: string[] = [];
  for (const prop of (object as unknown as { properties: ASTNode[] }).properties) {
    const name = getPropertyName(prop);
    if (name === null) return null;
    keys.push(name);
  }
  return keys;
}

function resolveConstObject(j: JSCodeshift, root: Collection, at: ASTPath, id: ASTNode): ASTNode | null {
  const name = (id as LiteralLike).name ?? '';
  const scope = (at.scope as { lookup(n: string): { getBindings(): Record<string, ASTPath[]> } | null } | null)?.lookup(
    name,
  );
  const binding = scope?.getBindings()[name]?.[0];
  const declarator = binding?.parent?.node as { type: string; init?: ASTNode | null; id?: unknown } | undefined;
  if (!binding || declarator?.type !== 'VariableDeclarator' || declarator.id !== binding.node || !declarator.init)
    return null;
  if (!isNeverReassigned(j, root, binding, name)) return null;
  const writtenThrough = findReferences(j, root, binding, name).some((ref) => {
    const member = ref.parent?.node as { type: string; object?: unknown } | undefined;
    const assignment = ref.parent?.parent?.node as { type: string; left?: unknown } | undefined;
    return (
      member?.type === 'MemberExpression' &&
      member.object === ref.node &&
      assignment?.type === 'AssignmentExpression' &&
      assignment.left === member
    );
  });
  return writtenThrough ? null : declarator.init;
}
