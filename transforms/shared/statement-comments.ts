/**
 * Statements replaced by others keep the comments written around them: leading comments go to the
 * first replacement, trailing ones to the last (recast drops comments of a replaced node otherwise).
 * A removed statement keeps the comments that are not about it (removeStatement).
 */
import type { ASTPath } from 'jscodeshift';

interface Comment {
  leading?: boolean;
  trailing?: boolean;
  loc?: { start: { line: number }; end: { line: number } } | null;
}

interface Commented {
  comments?: Comment[] | null;
  loc?: { start: { line: number } } | null;
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

/**
 * Removes a statement of a block or program. Its leading comments stay, on the statement that follows
 * (or the one before, when it was the last), when they are not about it: the file's first comments
 * (a licence, a file header) and those a blank line sets apart. A comment directly above the
 * statement, with no blank line, describes it and goes with it.
 */
export function removeStatement(path: ASTPath): void {
  const node = path.node as Commented;
  const parentBody = (path.parent?.node as { body?: unknown } | undefined)?.body;
  const siblings = Array.isArray(parentBody) ? (parentBody as Commented[]) : [];
  const index = siblings.indexOf(node);
  const isFirstInFile = index === 0 && path.parent?.node.type === 'Program';
  const startLine = node.loc?.start.line;
  const kept = (node.comments ?? []).filter(
    (c) => c.leading && (isFirstInFile || (c.loc && startLine !== undefined && c.loc.end.line < startLine - 1)),
  );
  const next = siblings[index + 1] ?? siblings[index - 1];
  if (kept.length > 0 && next) {
    const leading = siblings[index + 1] !== undefined;
    next.comments = leading
      ? [...kept, ...(next.comments ?? [])]
      : [...(next.comments ?? []), ...kept.map((c) => ({ ...c, leading: false, trailing: true }))];
  }
  path.prune();
}
