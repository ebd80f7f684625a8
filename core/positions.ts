/**
 * One position model. A place in a file is a character offset (UTF-16 code units, as JavaScript strings,
 * Babel and TypeScript count) in the file's text; lines and columns exist only for people and are
 * computed from an offset against that same text, a tab counting as one column (as tsc and ESLint
 * count it).
 */

/** 1-based line and column, a tab counting as one column. */
export interface LineColumn {
  line: number;
  column: number;
}

/** ECMAScript's line terminators (recast splits on these too, so its lines correspond one to one). */
const lineTerminator = /\r\n|\r(?!\n)|\n|\u2028|\u2029/g;

export function findLineStarts(text: string): number[] {
  const starts = [0];
  for (const match of text.matchAll(lineTerminator)) starts.push((match.index ?? 0) + match[0].length);
  return starts;
}

/** The index of the line holding `offset`, by binary search over line starts. */
export function findLine(starts: readonly number[], offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (starts[mid] <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** Offset → line and column in one text, with the line starts computed once. */
export class LineIndex {
  private readonly lineStarts: number[];

  constructor(readonly text: string) {
    this.lineStarts = findLineStarts(text);
  }

  locate(offset: number): LineColumn {
    const line = findLine(this.lineStarts, offset);
    return { line: line + 1, column: offset - this.lineStarts[line] + 1 };
  }
}
