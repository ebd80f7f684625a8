/**
 * Positions the analysis reports are in the text it was given: the per-file transforms' output. The
 * user reads the original file (and the diff), so the engine maps those lines back: an unchanged line
 * to where it was, a line the transforms added to the line where their change starts.
 */
import { diffLines } from 'diff';

export type LineMap = (line: number) => number;

export function createLineMap(before: string, after: string): LineMap {
  if (before === after) return (line) => line;
  const toBefore: number[] = [0];
  let beforeLine = 1;
  // Lines just removed: the lines added in their place map onto them one for one.
  let removed = { start: 1, count: 0 };
  for (const part of diffLines(before, after)) {
    const count = part.count ?? 0;
    if (part.removed) {
      removed = { start: beforeLine, count };
      beforeLine += count;
    } else if (part.added) {
      for (let i = 0; i < count; i += 1) {
        toBefore.push(removed.count > 0 ? removed.start + Math.min(i, removed.count - 1) : beforeLine);
      }
      removed = { start: beforeLine, count: 0 };
    } else {
      for (let i = 0; i < count; i += 1) toBefore.push(beforeLine + i);
      beforeLine += count;
      removed = { start: beforeLine, count: 0 };
    }
  }
  return (line) => toBefore[line] ?? line;
}

/** Rewrites `path:line:col` mentions of files with a line map inside a message. */
export function mapMentions(message: string, maps: ReadonlyMap<string, LineMap>): string {
  if (maps.size === 0) return message;
  return message.replace(/([^\s()]+):(\d+):(\d+)/g, (whole, path: string, line: string, column: string) => {
    const map = maps.get(path);
    return map ? `${path}:${map(Number(line))}:${column}` : whole;
  });
}
