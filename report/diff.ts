/**
 * Git-style unified diffs of the engine's results. The text is the file's decoded bytes as they are:
 * a BOM is part of the first line, a CRLF line keeps its `\r`, and a missing final newline gets git's
 * `\ No newline at end of file` marker, so `git apply` recreates exactly the bytes `--write` writes.
 */
import { structuredPatch } from 'diff';
import type { StructuredPatchHunk } from 'diff';
import type { FileResult, RunResult } from '../engine/types';
import { buildAnchoredHunks } from './anchored-diff';
import { plainPalette } from './color';
import type { Palette } from './color';
import { quoteGitPath } from './git-path';

/** Lines of context around each change, as git uses by default. */
const contextLines = 3;

/**
 * Myers' diff costs O(size × edits): a 20,000-line file with every other line changed takes minutes.
 * Past this many added + removed lines the file is diffed by anchoring on its unique lines instead
 * (anchored-diff.ts), which still gives real hunks.
 */
const maxEditLength = 1000;

export interface FileDiff {
  path: string;
  hunks: StructuredPatchHunk[];
  added: number;
  removed: number;
}

/** The hunks between a changed file's before and after bytes (empty for other statuses). */
export function getFileDiff(file: FileResult): FileDiff {
  if (file.status !== 'changed' || !file.before || !file.after) {
    return { path: file.path, hunks: [], added: 0, removed: 0 };
  }
  const before = file.before.toString('utf8');
  const after = file.after.toString('utf8');
  const patch = structuredPatch(file.path, file.path, before, after, '', '', { context: contextLines, maxEditLength });
  const hunks = patch ? patch.hunks : buildAnchoredHunks(before, after, contextLines);
  let added = 0;
  let removed = 0;
  for (const line of hunks.flatMap((hunk) => hunk.lines)) {
    if (line.startsWith('+')) added += 1;
    else if (line.startsWith('-')) removed += 1;
  }
  return { path: file.path, hunks, added, removed };
}

/** `-3,4`: git omits the count when it is 1, and an empty range starts at the line before it. */
function formatRange(start: number, count: number): string {
  const first = count === 0 ? start - 1 : start;
  return count === 1 ? `${first}` : `${first},${count}`;
}

function formatHunkLine(line: string, palette: Palette): string {
  switch (line[0]) {
    case '+':
      return palette.green(line);
    case '-':
      return palette.red(line);
    case '\\':
      return palette.dim(line);
    default:
      return line;
  }
}

/** One file's diff, every line ending in `\n` (a line's own `\r` stays inside it). */
export function renderFileDiff(diff: FileDiff, palette: Palette = plainPalette): string {
  if (diff.hunks.length === 0) return '';
  const a = quoteGitPath('a/', diff.path);
  const b = quoteGitPath('b/', diff.path);
  const out = [palette.bold(`diff --git ${a} ${b}`), palette.bold(`--- ${a}`), palette.bold(`+++ ${b}`)];
  for (const hunk of diff.hunks) {
    out.push(
      palette.cyan(`@@ -${formatRange(hunk.oldStart, hunk.oldLines)} +${formatRange(hunk.newStart, hunk.newLines)} @@`),
    );
    for (const line of hunk.lines) out.push(formatHunkLine(line, palette));
  }
  return `${out.join('\n')}\n`;
}

/** The diffs of every changed file, in result order. */
export function renderDiffs(diffs: readonly FileDiff[], palette: Palette = plainPalette): string {
  return diffs.map((diff) => renderFileDiff(diff, palette)).join('');
}

export function renderDiff(result: RunResult, palette: Palette = plainPalette): string {
  return renderDiffs(result.files.map(getFileDiff), palette);
}
