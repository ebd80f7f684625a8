/**
 * Positions the analysis reports are in the text it was given: the per-file transforms' output. The
 * user reads the original file (and the diff), so the engine maps those lines back: an unchanged line
 * to where it was, a line the transforms added to the line where their change starts.
 */
import { diffLines } from 'diff';

export type LineMap = (line: number) => number;

function getWords(line: string): Set<string> {
  return new Set(line.match(/[A-Za-z_$][\w$]*/g) ?? []);
}

/**
 * Where each line added in place of `removed` came from: the removed line sharing the most words with
 * it (`function getJson(url)` → `async function getJson(url)`), else the line the previous one mapped to.
 */
function mapReplacedLines(removed: string[], removedStart: number, added: string[]): number[] {
  const removedWords = removed.map(getWords);
  let previous = removedStart;
  return added.map((line) => {
    const words = getWords(line);
    let best = -1;
    let bestShared = 0;
    removedWords.forEach((candidate, index) => {
      let shared = 0;
      for (const w of words) if (candidate.has(w)) shared += 1;
      if (shared > bestShared) {
        best = index;
        bestShared = shared;
      }
    });
    if (best >= 0) previous = removedStart + best;
    return previous;
  });
}

function splitLines(s: string): string[] {
  return s.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

export function createLineMap(before: string, after: string): LineMap {
  if (before === after) return (line) => line;
  const toBefore: number[] = [0];
  let beforeLine = 1;
  // Lines just removed: the lines added in their place are matched against them.
  let removed = { start: 1, lines: [] as string[] };
  for (const part of diffLines(before, after)) {
    const lines = splitLines(part.value);
    if (part.removed) {
      removed = { start: beforeLine, lines };
      beforeLine += lines.length;
    } else if (part.added) {
      if (removed.lines.length > 0) toBefore.push(...mapReplacedLines(removed.lines, removed.start, lines));
      else toBefore.push(...lines.map(() => beforeLine));
      removed = { start: beforeLine, lines: [] };
    } else {
      for (let i = 0; i < lines.length; i += 1) toBefore.push(beforeLine + i);
      beforeLine += lines.length;
      removed = { start: beforeLine, lines: [] };
    }
  }
  const last = Math.max(1, beforeLine - 1);
  return (line) => toBefore[line] ?? last;
}

/** Rewrites `path:line:col` mentions of files with a line map inside a message. */
export function mapMentions(message: string, maps: ReadonlyMap<string, LineMap>): string {
  if (maps.size === 0) return message;
  return message.replace(/([^\s()]+):(\d+):(\d+)/g, (whole, path: string, line: string, column: string) => {
    const map = maps.get(path);
    return map ? `${path}:${map(Number(line))}:${column}` : whole;
  });
}
