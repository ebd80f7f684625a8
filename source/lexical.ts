/**
 * A light lexical scan of JavaScript text, for questions asked before (or without) parsing: where a
 * string, template or comment ends. A regular expression literal is read as code.
 */

/** The index of the closing quote (or the text's end); a backslash escapes the next character. */
export function skipQuoted(text: string, start: number, quote: string): number {
  let i = start + 1;
  while (i < text.length && text[i] !== quote) {
    if (text[i] === '\\') i++;
    else if (quote !== '`' && text[i] === '\n') break;
    i++;
  }
  return i;
}

/** The index where `end` starts after `from` (or the text's last index). */
export function skipTo(text: string, from: number, end: string): number {
  const at = text.indexOf(end, from);
  return at === -1 ? text.length - 1 : at;
}

/**
 * The text with its comments blanked (each comment character but newlines becomes a space), strings and
 * templates kept: `// require('request')` no longer reads as a use, and offsets stay where they were.
 */
export function blankComments(text: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '"' || ch === "'" || ch === '`') {
      const end = skipQuoted(text, i, ch);
      out += text.slice(i, end + 1);
      i = end + 1;
    } else if (ch === '/' && (text[i + 1] === '/' || text[i + 1] === '*')) {
      const newline = text.indexOf('\n', i);
      const lineEnd = newline === -1 ? text.length - 1 : newline - 1;
      const end = text[i + 1] === '/' ? lineEnd : skipTo(text, i + 2, '*/') + 1;
      out += text.slice(i, end + 1).replace(/[^\n]/g, ' ');
      i = end + 1;
    } else {
      out += ch;
      i += 1;
    }
  }
  return out;
}
