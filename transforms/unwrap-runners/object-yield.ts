/**
 * co's `yield { … }` resolves every value in parallel into an object with the same keys. When the
 * result is destructured right away and every value is provably a promise, positions stand in for keys:
 *   const { user, posts: list } = yield { user: getUser(id), posts: getPosts(id) };
 *     →  const [user, list] = await Promise.all([getUser(id), getPosts(id)]);
 */
import type { ASTPath, JSCodeshift } from 'jscodeshift';
import type { ExpressionKind, PatternKind } from 'ast-types/lib/gen/kinds';
import { buildAwait } from '../shared/build-await';

interface Node {
  type: string;
  name?: string;
  value?: unknown;
  computed?: boolean;
  key?: Node;
  properties?: Node[];
  id?: Node;
  init?: unknown;
}

function getKey(property: Node): string | null {
  const plain = (property.type === 'ObjectProperty' || property.type === 'Property') && !property.computed;
  if (!plain || !property.key) return null;
  if (property.key.type === 'Identifier') return property.key.name ?? null;
  return property.key.type === 'StringLiteral' ? String(property.key.value) : null;
}

/** The rewrite for a destructured object yield, or null when positions cannot stand in for keys. */
export function planObjectYield(
  j: JSCodeshift,
  path: ASTPath,
  isPromise: (value: never) => boolean,
): (() => ExpressionKind) | null {
  const object = (path.node as unknown as { argument: Node }).argument;
  const declarator = path.parent?.node as Node;
  if (
    declarator?.type !== 'VariableDeclarator' ||
    declarator.init !== path.node ||
    declarator.id?.type !== 'ObjectPattern'
  )
    return null;
  const entries = (object.properties ?? []).map((p) => ({
    key: getKey(p),
    value: (p as unknown as { value: never }).value,
  }));
  if (entries.some((e) => e.key === null || !isPromise(e.value))) return null;
  const targets = new Map<string, unknown>();
  for (const property of declarator.id.properties ?? []) {
    const key = getKey(property);
    if (key === null || !entries.some((e) => e.key === key) || targets.has(key)) return null;
    targets.set(key, (property as unknown as { value: unknown }).value);
  }
  const elements = entries.map((e) => (targets.get(e.key as string) ?? null) as PatternKind | null);
  while (elements.length > 0 && elements[elements.length - 1] === null) elements.pop();
  return () => {
    (declarator as unknown as { id: unknown }).id = j.arrayPattern(elements);
    const all = j.callExpression(j.memberExpression(j.identifier('Promise'), j.identifier('all')), [
      j.arrayExpression(entries.map((e) => e.value)),
    ]);
    return buildAwait(j, all);
  };
}
