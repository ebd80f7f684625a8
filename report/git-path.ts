/**
 * Paths in diff headers, quoted the way git quotes them (quote.c, core.quotePath on): a path holding
 * a double quote, a backslash, a control character or any non-ASCII byte is written as a C string
 * with octal escapes for the UTF-8 bytes; spaces alone need no quoting. `git apply` reads both forms.
 */

const namedEscapes: Readonly<Record<number, string>> = {
  0x07: '\\a',
  0x08: '\\b',
  0x09: '\\t',
  0x0a: '\\n',
  0x0b: '\\v',
  0x0c: '\\f',
  0x0d: '\\r',
  0x22: '\\"',
  0x5c: '\\\\',
};

function needsEscape(byte: number): boolean {
  return byte < 0x20 || byte === 0x22 || byte === 0x5c || byte >= 0x7f;
}

function escapeByte(byte: number): string {
  return namedEscapes[byte] ?? `\\${byte.toString(8).padStart(3, '0')}`;
}

/** `prefix + path` as git prints it in `diff --git`, `---` and `+++` lines. */
export function quoteGitPath(prefix: string, path: string): string {
  const bytes = Buffer.from(prefix + path, 'utf8');
  if (!bytes.some(needsEscape)) return prefix + path;
  let out = '"';
  for (const byte of bytes) out += needsEscape(byte) ? escapeByte(byte) : String.fromCharCode(byte);
  return `${out}"`;
}
