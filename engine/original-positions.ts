/**
 * Positions the analysis reports are in the text it was given: the per-file transforms' output. The
 * user reads the original file (and the diff), so the engine maps them back, and the `file:line:col`
 * mentions in messages too (source/line-map.ts says how lines are matched).
 */
import { createLineMap, mapMentions, type LineMap } from '../source/line-map';
import type { FileState } from './file-state';

export type ToOriginal = <T extends { file: string; line: number; message: string }>(located: T) => T;

/** Built from each file's original and current texts, before the plan is applied. */
export function createOriginalPositions(states: readonly FileState[]): ToOriginal {
  const maps = new Map<string, LineMap>();
  for (const s of states) {
    if (!s.source || s.text === undefined || s.text === s.source.text) continue;
    const map = createLineMap(s.source.text, s.text);
    maps.set(s.absolutePath, map);
    maps.set(s.path, map);
  }
  return (located) => {
    const map = maps.get(located.file);
    return { ...located, line: map ? map(located.line) : located.line, message: mapMentions(located.message, maps) };
  };
}
