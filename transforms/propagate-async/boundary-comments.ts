/**
 * With --mark-boundaries, the place where a chain meets a context that cannot be async gets a comment
 * on its statement for the user to finish: `// awaitify: a getter cannot await fetchUser …`.
 */
import type { ASTPath, JSCodeshift } from 'jscodeshift';

interface Located {
  comments?: unknown[] | null;
}

/** The statement (or class member) holding `path`: a comment there stays on its own line. */
function findStatement(path: ASTPath): ASTPath {
  let current = path;
  while (current.parent) {
    const type = current.node.type;
    if (
      /Statement$|Declaration$/.test(type) ||
      type === 'ClassProperty' ||
      type === 'ClassMethod' ||
      type === 'ObjectMethod'
    ) {
      return current;
    }
    current = current.parent as ASTPath;
  }
  return current;
}

/** Adds each comment above the statement holding its planned node (once per statement). */
export function addBoundaryComments(j: JSCodeshift, targets: { path: ASTPath; text: string }[]): boolean {
  for (const { path, text } of targets) {
    const statement = findStatement(path).node as Located;
    const existing = (statement.comments ?? []) as { value?: string }[];
    if (existing.some((c) => c.value?.includes('awaitify:'))) continue;
    statement.comments = [...existing, j.commentLine(` ${text}`, true, false)];
  }
  return targets.length > 0;
}
