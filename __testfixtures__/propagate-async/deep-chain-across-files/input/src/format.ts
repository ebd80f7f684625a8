// Same name as db.ts's query, unrelated: it must stay synchronous.
export function query(text: string): string {
  return text.trim();
}

export function format(lines: string[]): string {
  return lines.map((line) => query(line)).join('\n');
}
