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
      // an odd space is alignment (a doc comment's ` * `), kept as it is
      return style.indent.repeat(Math.floor(spaces.length / 2)) + ' '.repeat(spaces.length % 2) + code;
    })
    .join('\n');
}

export type ParenSpacing = 'space' | 'none' | null;

/** Counts the spaces before a function's `(`, anonymous and named apart (ESLint's space-before-function-paren). */
export function detectFunctionSpacing(text: string): { anonymous: ParenSpacing; named: ParenSpacing } {
  const lines = text.split('\n');
  const count = (pattern: RegExp): ParenSpacing => {
    let space = 0;
    let none = 0;
    for (const line of lines) {
      for (const match of line.matchAll(pattern)) {
        if (!isInCode(line, match.index)) continue;
        if (match[1].length > 0) space += 1;
        else none += 1;
      }
    }
    return space === none ? null : space > none ? 'space' : 'none';
  };
  return {
    // the space is the one just before `(`: `function (`, `function* (` (a space before `*` is not it)
    anonymous: count(/\bfunction(?:\s*\*)?(\s*)\(/g),
    named: count(/\bfunction\s*\*?\s*[A-Za-z_$][\w$]*(\s*)\(/g),
  };
}

/** Outside a string: an even number of each quote before `index` on the line. */
function isInCode(line: string, index: number): boolean {
  const before = line.slice(0, index);
  return ["'", '"', '`'].every((q) => before.split(q).length % 2 === 1) && !before.includes('//');
}

/**
 * recast prints every function it reprints as `function(` and `function name(`; in a file that writes
 * `function (` (or `function name (`, standard style), the lines the print added get that space back.
 * A line the original already had is left as it was.
 */
export function restoreFunctionSpacing(original: string, printed: string): string {
  const spacing = detectFunctionSpacing(original);
  if (spacing.anonymous !== 'space' && spacing.named !== 'space') return printed;
  const originalLines = new Set(original.split('\n'));
  const patterns: RegExp[] = [];
  if (spacing.anonymous === 'space') patterns.push(/\bfunction(\*?)()\(/g);
  if (spacing.named === 'space') patterns.push(/\bfunction(\*?\s*)([A-Za-z_$][\w$]*)\(/g);
  return printed
    .split('\n')
    .map((line) => {
      if (originalLines.has(line)) return line;
      let result = line;
      for (const pattern of patterns) {
        result = result.replace(pattern, (match: string, star: string, name: string, index: number) =>
          isInCode(result, index) ? `function${star}${name ? `${name} ` : ' '}(` : match,
        );
      }
      return result;
    })
    .join('\n');
}
