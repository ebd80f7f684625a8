/**
 * The text a tree was parsed from (core/positions.ts: places are offsets in it). The text the analysis
 * reads is the text propagate-async parses, so a plan names nodes by offset and nothing recomputes a
 * line and column on the other side. One trap sits in between: recast hands Babel the text with every line's leading
 * tabs expanded to
 * spaces (`sourceWithoutTabs`), so Babel's `node.start` and recast's `loc.column` count a leading tab as
 * up to four characters. `ParsedSource` maps those offsets back to the file's own text.
 */
import type { Collection } from 'jscodeshift';
import { findLine, findLineStarts, LineIndex, type LineColumn } from '../core/positions';

const leadingSpace = /^\s*/;

interface RecastLines {
  toString(options: { tabWidth: number; reuseWhitespace: boolean; useTabs: boolean }): string;
}

/** recast's default, which jscodeshift does not change. */
const RECAST_TAB_WIDTH = 4;

/** The text a tree was parsed from, and the way back from Babel's offsets to offsets in it. */
export class ParsedSource {
  readonly lines: LineIndex;
  private readonly toOriginal: ((offset: number) => number) | null;

  constructor(
    readonly text: string,
    /** What Babel parsed: `text` with leading whitespace re-rendered by recast. */
    readonly parsedText: string,
  ) {
    this.lines = new LineIndex(text);
    this.toOriginal = parsedText === text ? null : createOffsetMap(text, parsedText);
  }

  /** A parsed node's start and end in `text`; null for a node a transform built. */
  getOffsets(node: unknown): { start: number; end: number } | null {
    const { start, end } = (node ?? {}) as { start?: unknown; end?: unknown };
    if (typeof start !== 'number' || typeof end !== 'number') return null;
    return this.toOriginal ? { start: this.toOriginal(start), end: this.toOriginal(end) } : { start, end };
  }

  /** A parsed node's 1-based line and column in `text`; null for a node a transform built. */
  locate(node: unknown): LineColumn | null {
    const offsets = this.getOffsets(node);
    return offsets ? this.lines.locate(offsets.start) : null;
  }
}

/** Line by line, the parsed text differs from the original only in each line's leading whitespace. */
function createOffsetMap(text: string, parsedText: string): (offset: number) => number {
  const originalStarts = findLineStarts(text);
  const parsedStarts = findLineStarts(parsedText);
  if (originalStarts.length !== parsedStarts.length) {
    throw new Error('recast parsed a text with a different number of lines than the file has');
  }
  const findLeads = (source: string, starts: number[]) =>
    starts.map((start, line) => {
      const content = source.slice(start, starts[line + 1] ?? source.length).replace(/[\r\n\u2028\u2029]+$/, '');
      return leadingSpace.exec(content)?.[0].length ?? 0;
    });
  const originalLeads = findLeads(text, originalStarts);
  const parsedLeads = findLeads(parsedText, parsedStarts);
  return (offset) => {
    const line = findLine(parsedStarts, offset);
    const column = offset - parsedStarts[line];
    // inside the indentation only a line's end can point (an empty line); keep it within the original's
    const original =
      column >= parsedLeads[line]
        ? originalLeads[line] + column - parsedLeads[line]
        : Math.min(column, originalLeads[line]);
    return originalStarts[line] + original;
  };
}

/** Parsed sources by the tree's File node and by recast's `Lines` (shared by every node with a `loc`). */
const parsedSources = new WeakMap<object, ParsedSource>();

function getLines(node: unknown): object | null {
  const lines = (node as { loc?: { lines?: unknown } | null } | null)?.loc?.lines;
  return typeof lines === 'object' && lines !== null ? lines : null;
}

/** Records what `root` was parsed from; every parse of a tree goes through here. */
export function registerParsedSource(root: Collection, text: string): ParsedSource {
  const file = root.get().node as object;
  const lines = getLines(file) as RecastLines | null;
  const parsedText = lines
    ? lines.toString({ tabWidth: RECAST_TAB_WIDTH, reuseWhitespace: false, useTabs: false })
    : text;
  const fileEnd = (file as { end?: number }).end;
  if (typeof fileEnd === 'number' && fileEnd !== parsedText.length) {
    throw new Error(`cannot map positions: Babel parsed ${fileEnd} characters, recast's text has ${parsedText.length}`);
  }
  const source = new ParsedSource(text, parsedText);
  parsedSources.set(file, source);
  if (lines) parsedSources.set(lines, source);
  return source;
}

/** The source a tree was parsed from, by its root collection. */
export function getParsedSource(root: Collection): ParsedSource {
  const source = parsedSources.get(root.get().node as object);
  if (!source) throw new Error('internal: a tree parsed without registerParsedSource');
  return source;
}

/** The source a parsed node belongs to, through its `loc`; null for a node without one. */
export function findParsedSource(node: unknown): ParsedSource | null {
  const lines = getLines(node);
  return lines ? (parsedSources.get(lines) ?? null) : null;
}
