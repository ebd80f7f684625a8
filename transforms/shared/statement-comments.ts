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

/**
 * The leading comments above the last blank line between `node`'s comments and its code: a file header
 * or a comment about something else. The ones below it, written right above the statement, describe it.
 */
function findSetApartComments(node: Commented): Comment[] {
  const leading = (node.comments ?? []).filter((c) => c.leading);
  let next = node.loc?.start.line;
  if (next === undefined) return [];
  for (let i = leading.length - 1; i >= 0; i -= 1) {
    const loc = leading[i].loc;
    if (!loc) return [];
    if (loc.end.line < next - 1) return leading.slice(0, i + 1);
    next = loc.start.line;
  }
  return [];
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
  const kept = isFirstInFile ? (node.comments ?? []).filter((c) => c.leading) : findSetApartComments(node);
  const next = siblings[index + 1] ?? siblings[index - 1];
  if (kept.length > 0 && next) {
    const leading = siblings[index + 1] !== undefined;
    next.comments = leading
      ? [...kept, ...(next.comments ?? [])]
      : [...(next.comments ?? []), ...kept.map((c) => ({ ...c, leading: false, trailing: true }))];
  }
  path.prune();
}

/** Leading comments of `from` that a blank line sets apart from it (a file header) move to `to`. */
export function moveHeaderComments(from: unknown, to: unknown): void {
  const source = from as Commented;
  const header = findSetApartComments(source);
  if (header.length === 0) return;
  source.comments = (source.comments ?? []).filter((c) => !header.includes(c));
  const target = to as Commented;
  target.comments = [...header, ...(target.comments ?? [])];
}

/**
 * The file's first comments (on its first statement, before any code): statements added and removed
 * at the top move them along, so `keepHeaderFirst` puts them back above whatever comes first.
 */
export function captureHeaderComments(body: unknown[]): unknown[] {
  return ((body[0] as Commented | undefined)?.comments ?? []).filter((c) => c.leading);
}

export function keepHeaderFirst(body: unknown[], header: unknown[]): void {
  if (header.length === 0 || body.length === 0) return;
  const wanted = new Set(header);
  for (const node of body as Commented[]) {
    if (node.comments) node.comments = node.comments.filter((c) => !wanted.has(c));
  }
  const first = body[0] as Commented;
  first.comments = [...(header as Comment[]), ...(first.comments ?? [])];
}
