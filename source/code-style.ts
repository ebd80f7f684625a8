/**
 * A file's code style, read from its text, so that the code a transform writes looks like the code
 * around it: the quote most strings use, whether statements end with semicolons, the indentation unit.
 */
export interface CodeStyle {
  quote: 'single' | 'double';
  semicolons: boolean;
  /** One level of indentation: a tab, or some spaces. */
  indent: string;
}

/** The quote style most string literals in a file use, so the strings a transform adds match it. */
export function detectQuote(text: string): 'single' | 'double' {
  const single = text.split("'").length;
  const double = text.split('"').length;
  return single >= double ? 'single' : 'double';
}

/**
 * Statements end with `;` unless most lines that could end a statement (after `)`, `]`, a name, a
 * literal) go without one, as in standard style.
 */
export function detectSemicolons(text: string): boolean {
  let withSemicolon = 0;
  let without = 0;
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\/\/.*$/, '').trimEnd();
    if (line.endsWith(';')) withSemicolon += 1;
    else if (/[\w)\]'"`]$/.test(line) && !/^\s*(\/\/|\*|\/\*)/.test(line)) without += 1;
  }
  return withSemicolon * 3 >= without;
}

/** The indentation unit: a tab when most indented lines start with one, else the most common step of spaces. */
export function detectIndent(text: string): string {
  let tabs = 0;
  const steps = new Map<number, number>();
  let previous = 0;
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    if (line.startsWith('\t')) {
      tabs += 1;
      continue;
    }
    const width = /^ */.exec(line)?.[0].length ?? 0;
    const step = Math.abs(width - previous);
    if (step > 0 && step <= 8) steps.set(step, (steps.get(step) ?? 0) + 1);
    previous = width;
  }
  const spaced = [...steps.values()].reduce((a, b) => a + b, 0);
  if (tabs > spaced) return '\t';
  const [best] = [...steps.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  return ' '.repeat(best?.[0] ?? 2);
}

export function detectCodeStyle(text: string): CodeStyle {
  return { quote: detectQuote(text), semicolons: detectSemicolons(text), indent: detectIndent(text) };
}

/**
 * Rewrites a snippet awaitify wrote, in 2-space indentation with single quotes and a semicolon after each
 * statement, in `style`. The snippet must keep to that form: a `;` only at the end of a statement line,
 * no quote character inside a single-quoted string, no line starting with `(`, `[` or `` ` ``.
 */
export function matchCodeStyle(snippet: string, style: CodeStyle): string {
  return snippet
    .split('\n')
    .map((line) => {
      const [, spaces, rest] = /^( *)(.*)$/.exec(line) as RegExpExecArray;
      let code = rest;
      if (style.quote === 'double' && !code.startsWith('//')) code = code.replace(/'([^'"\\]*)'/g, '"$1"');
      if (!style.semicolons && !code.startsWith('//')) code = code.replace(/;$/, '');
      return style.indent.repeat(spaces.length / 2) + code;
    })
    .join('\n');
}
