/**
 * Statements replaced by others keep the comments written around them: leading comments go to the
 * first replacement, trailing ones to the last (recast drops comments of a replaced node otherwise).
 */
import type { ASTPath } from 'jscodeshift';

interface Commented {
  comments?: { leading?: boolean; trailing?: boolean }[] | null;
}

export function moveComments(from: unknown, first: unknown, last: unknown = first): void {
  const source = from as Commented;
  const comments = source.comments ?? [];
  if (comments.length === 0) return;
  const push = (target: unknown, moved: Commented['comments']) => {
    if (!moved || moved.length === 0) return;
    const node = target as Commented;
    node.comments = [...(node.comments ?? []), ...moved];
  };
  push(
    first,
    comments.filter((c) => c.leading),
  );
  push(
    last,
    comments.filter((c) => !c.leading),
  );
  source.comments = [];
}

/** `path.replace(...statements)` keeping the replaced statement's comments. */
export function replaceStatement(path: ASTPath, statements: unknown[]): void {
  if (statements.length > 0) moveComments(path.node, statements[0], statements[statements.length - 1]);
  path.replace(...(statements as never[]));
}
