/**
 * A statement that now starts with `(` — `(async () => { … })()` for `co(function* () { … })` — is
 * read as a call of the previous line when that line has no semicolon (`foo()\n(async …)()` is
 * `foo()(async …)()`). The previous statement is then rebuilt, which recast prints with its `;`.
 */
import type { ASTPath, JSCodeshift } from 'jscodeshift';
import { findParsedSource } from '../../source/parsed-source';

interface Node {
  type: string;
  start?: number;
  end?: number;
  loc?: { lines?: { toString(): string } } | null;
  expression?: unknown;
  kind?: string;
  declarations?: unknown[];
  callee?: unknown;
  object?: unknown;
  left?: unknown;
  test?: unknown;
  tag?: unknown;
  expressions?: unknown[];
}

/** Whether `child` is the first thing printed of `parent` (so it starts the statement too). */
function isLeftmost(parent: Node, child: unknown): boolean {
  return (
    parent.callee === child ||
    parent.object === child ||
    parent.left === child ||
    parent.test === child ||
    parent.tag === child ||
    parent.expressions?.[0] === child
  );
}

function endsWithSemicolon(node: Node): boolean {
  const source = findParsedSource(node);
  const offsets = source?.getOffsets(node);
  if (!source || !offsets) return true;
  return source.text.slice(offsets.start, offsets.end).trimEnd().endsWith(';');
}

/** Rebuilds the statement before the one `replaced` starts, when it relies on ASI. */
export function guardStatementStart(j: JSCodeshift, replaced: ASTPath): void {
  let current = replaced;
  while (current.parent && isLeftmost(current.parent.node as Node, current.node)) current = current.parent as ASTPath;
  const statement = current.parent as ASTPath | null;
  if (statement?.node.type !== 'ExpressionStatement' || (statement.node as Node).expression !== current.node) return;
  const list = statement.parent?.node as { body?: unknown } | undefined;
  const siblings = Array.isArray(list?.body) ? (list?.body as Node[]) : null;
  const index = siblings ? siblings.indexOf(statement.node as Node) : -1;
  if (!siblings || index < 1) return;
  const previous = siblings[index - 1];
  if (endsWithSemicolon(previous)) return;
  if (previous.type === 'ExpressionStatement')
    siblings[index - 1] = j.expressionStatement(previous.expression as never) as never;
  else if (previous.type === 'VariableDeclaration')
    siblings[index - 1] = j.variableDeclaration(previous.kind as 'const', previous.declarations as never) as never;
}
