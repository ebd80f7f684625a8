/**
 * What the conversions of one file share: the jscodeshift API, what they used from undici (imports
 * are added once at the end), and a way to build code from readable snippets. Names imported from
 * undici are written as placeholders first and renamed once the final local names are known (an old
 * `const request = require('sync-request')` frees the name `request` only when every call moved).
 */
import type { ASTNode, Collection, JSCodeshift } from 'jscodeshift';
import type { TransformContext } from '../shared/types';

export interface ConversionState {
  j: JSCodeshift;
  root: Collection;
  context: TransformContext;
  /** The quote most of the file's strings use, for string literals written into code text. */
  quote: "'" | '"';
  used: { request: boolean; fetch: boolean; redirects: boolean; qs: boolean; retry: boolean };
  /** Functions this run made async (so later conversions in them are reported too). */
  madeAsync: Set<unknown>;
}

export const placeholders = {
  request: '__awaitify_undici_request__',
  fetch: '__awaitify_undici_fetch__',
  followRedirects: '__awaitify_follow_redirects__',
  qs: '__awaitify_qs__',
  requestWithRetries: '__awaitify_request_with_retries__',
} as const;

export function createConversionState(j: JSCodeshift, root: Collection, context: TransformContext): ConversionState {
  // the parsed text (recast keeps it on the root's location), so no reprint is needed to read it
  const lines = (root.get().node as { loc?: { lines?: { toString(): string } } }).loc?.lines;
  const text = lines ? lines.toString() : root.toSource();
  const quote = text.split('"').length > text.split("'").length ? '"' : "'";
  return {
    j,
    root,
    context,
    quote,
    used: { request: false, fetch: false, redirects: false, qs: false, retry: false },
    madeAsync: new Set(),
  };
}

/** A string literal in the file's quote style. */
export function quoteString(state: ConversionState, value: string): string {
  const escaped = value.replace(/\\/g, '\\\\').replace(new RegExp(state.quote, 'g'), `\\${state.quote}`);
  return `${state.quote}${escaped}${state.quote}`;
}

/** The source text of a node as it is printed now (its original text when unchanged). */
export function printNode(state: ConversionState, node: ASTNode): string {
  return state.j(node as never).toSource({ quote: state.quote === '"' ? 'double' : 'single' });
}

type Fills = Record<string, ASTNode>;

/** Replaces `$name` identifiers in the snippet by the given nodes (which keep their own formatting). */
function fill(node: unknown, fills: Fills): void {
  if (!node || typeof node !== 'object') return;
  const n = node as Record<string, unknown>;
  for (const key of Object.keys(n)) {
    if (key === 'loc' || key === 'tokens' || key === 'original' || key === 'comments') continue;
    const child = n[key];
    if (Array.isArray(child)) {
      child.forEach((item, index) => {
        const replacement = getFill(item, fills);
        if (replacement) child[index] = replacement;
        else fill(item, fills);
      });
    } else if (child && typeof child === 'object') {
      const replacement = getFill(child, fills);
      if (replacement) n[key] = replacement;
      else fill(child, fills);
    }
  }
}

function getFill(node: unknown, fills: Fills): ASTNode | null {
  const n = node as { type?: string; name?: string };
  if (n?.type === 'Identifier' && n.name && n.name.startsWith('$') && n.name in fills) return fills[n.name];
  return null;
}

/**
 * Parses one statement of plain JavaScript and fills its `$name` holes. The snippet keeps its own text
 * (recast reuses it), so the output looks the way the snippet is written, not recast's default style.
 */
export function buildStatement(state: ConversionState, code: string, fills: Fills = {}): ASTNode {
  const program = state.j(code).get().node.program as { body: ASTNode[] };
  const statement = program.body[0] as ASTNode & { loc?: unknown };
  fill({ statement }, fills);
  // without its own location recast spaces the statement among its new neighbours; its parts keep their text
  delete statement.loc;
  return statement;
}

/** Parses one expression (through `(…);`) and fills its `$name` holes. */
export function buildExpression(state: ConversionState, code: string, fills: Fills = {}): ASTNode {
  const statement = buildStatement(state, `(${code});`, fills) as unknown as {
    expression: ASTNode & { extra?: { parenthesized?: boolean } };
  };
  if (statement.expression.extra) delete statement.expression.extra.parenthesized;
  return statement.expression;
}
