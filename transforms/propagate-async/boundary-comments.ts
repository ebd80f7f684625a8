/**
 * With --mark-boundaries, the place where a chain meets a context that cannot be async gets a comment
 * on its statement for the user to finish: `// awaitify: a getter cannot await fetchUser …`.
 */
import type { ASTPath, Collection, JSCodeshift } from 'jscodeshift';
import type { FilePlan } from '../../lib/analysis/types';
import { createKeyLookup } from './find-planned-nodes';

interface Located {
  comments?: unknown[] | null;
}

/** The statement (or class member) holding `path`: a comment there stays on its own line. */
function findStatement(path: ASTPath): ASTPath {
  let current = path;
  while (current.parent) {
    const type = current.node.type;
    if (/Statement$|Declaration$/.test(type) || type === 'ClassProperty' || type === 'ClassMethod' || type === 'ObjectMethod') {
      return current;
    }
    current = current.parent as ASTPath;
  }
  return current;
}

export function addBoundaryComments(j: JSCodeshift, root: Collection, comments: FilePlan['boundaryComments']): boolean {
  if (comments.length === 0) return false;
  const wanted = new Map(comments.map((c) => [`${c.line}:${c.column}`, c.text]));
  const targets: { path: ASTPath; text: string }[] = [];
  const getKeys = createKeyLookup(root);
  root.find(j.Node).forEach((path) => {
    const key = getKeys(path.node as never)?.start ?? '';
    const text = wanted.get(key);
    if (text === undefined) return;
    wanted.delete(key);
    targets.push({ path: path as unknown as ASTPath, text });
  });
  for (const { path, text } of targets) {
    const statement = findStatement(path).node as Located;
    const existing = (statement.comments ?? []) as { value?: string }[];
    if (existing.some((c) => c.value?.includes('awaitify:'))) continue;
    statement.comments = [...existing, j.commentLine(` ${text}`, true, false)];
  }
  return targets.length > 0;
}
