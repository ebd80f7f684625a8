/**
 * The path of a node found before some edits, as a fresh `root.find()` would return it now.
 * ast-types caches child paths and hands out the cached object while it still holds the same node,
 * so a path whose every step still matches its parent is the very object a new walk would reach;
 * only when an edit moved the node (or an ancestor) is the whole tree walked again.
 */
import type { ASTPath, Collection } from 'jscodeshift';

interface ChainPath {
  value: unknown;
  name: unknown;
  parentPath: ChainPath | null;
  get(name: unknown): unknown;
}

/** Whether `path` is still reached from `rootPath` through the same path objects. */
function isStillAttached(path: ASTPath, rootPath: unknown): boolean {
  let current = path as unknown as ChainPath;
  while (current.parentPath) {
    if (current.parentPath.get(current.name) !== current) return false;
    current = current.parentPath;
  }
  return current === rootPath;
}

/**
 * `path` if it still holds `node` where it was, else the first path (in source order) that holds `node`
 * (`find`). A replaced node leaves its path object in place holding the replacement, hence the check.
 */
export function findCurrentPath(
  root: Collection,
  path: ASTPath,
  node: unknown,
  find: () => ASTPath | undefined,
): ASTPath | undefined {
  return path.node === node && isStillAttached(path, root.get()) ? path : find();
}
