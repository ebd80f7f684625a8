/**
 * A fresh local name for a variable declared at `at`: `base`, or `base2`, `base3`, … — the first that no
 * enclosing scope declares and that no identifier in the enclosing function (or the module, at top
 * level) already uses. Unlike modules.getUniqueName it ignores names used only in unrelated functions,
 * so `url` stays `url` even if another function of the file has a `url` parameter.
 */
import type { ASTPath, Collection, JSCodeshift } from 'jscodeshift';
import { getEnclosingFunction } from './functions';

import { findNodes } from '../../source/tree-walk';

interface ScopeLike {
  lookup(name: string): unknown;
}

export function getLocalUniqueName(j: JSCodeshift, root: Collection, at: ASTPath, base: string): string {
  const fn = getEnclosingFunction(at);
  const region = fn ? j(fn) : root;
  const used = new Set<string>();
  findNodes(region, j.Identifier).forEach((path) => {
    used.add(String(path.node.name));
  });
  const scope = at.scope as ScopeLike | null;
  const isFree = (name: string) => !used.has(name) && !scope?.lookup(name);
  if (isFree(base)) return base;
  let n = 2;
  while (!isFree(`${base}${n}`)) n += 1;
  return `${base}${n}`;
}
