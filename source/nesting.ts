/**
 * How deeply a text nests brackets, read before any parser sees it. Babel, recast and the TypeScript
 * checker all recurse once per level and run out of stack a few hundred levels down (an array literal
 * 600 deep already does), so a file nested deeper than MAX_NESTING is skipped with that reason instead of
 * failing with "Maximum call stack size exceeded", or being called minified when it sits on one line.
 *
 * The count skips strings, template literals and comments; a bracket inside a regular expression literal
 * still counts, which can only make the depth read higher than it is for files no one nests that far.
 */

import { skipQuoted, skipTo } from './lexical';

export const MAX_NESTING = 500;

/** The deepest nesting of (), [] and {} in `text`. */
export function measureNesting(text: string): number {
  let depth = 0;
  let deepest = 0;
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '(' || ch === '[' || ch === '{') {
      depth++;
      if (depth > deepest) deepest = depth;
    } else if (ch === ')' || ch === ']' || ch === '}') {
      if (depth > 0) depth--;
    } else if (ch === '"' || ch === "'" || ch === '`') {
      i = skipQuoted(text, i, ch);
    } else if (ch === '/' && text[i + 1] === '/') {
      i = skipTo(text, i, '\n');
    } else if (ch === '/' && text[i + 1] === '*') {
      i = skipTo(text, i + 2, '*/') + 1;
    }
    i++;
  }
  return deepest;
}

/** The reason to leave a file alone for its nesting, or null when a parser can read it. */
export function findNestingReason(text: string): string | null {
  // Fewer characters than MAX_NESTING cannot open that many brackets.
  if (text.length <= MAX_NESTING) return null;
  const depth = measureNesting(text);
  if (depth <= MAX_NESTING) return null;
  return `nested ${depth} levels deep (brackets); awaitify reads up to ${MAX_NESTING} levels`;
}
