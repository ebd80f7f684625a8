/**
 * recast does not always print an untouched region as it was (reliability research P1/P2: parentheses
 * added around arrow bodies, `return (\n a &&\n b)` re-flowed). So that a diff shows only what a
 * transform meant to change, the engine reprints the file's unmodified AST too and merges line by
 * line: base = that identity print, ours = the original text, theirs = the transformed print. Edits
 * that only undo printer drift are taken from the original; where both touch the same lines, the
 * transform's lines win.
 */
import { diffLines } from 'diff';

interface LineEdit {
  /** Replaced base lines [start, end); start === end for an insertion. */
  start: number;
  end: number;
  lines: string[];
}

function splitLines(s: string): string[] {
  return s.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

function findLineEdits(base: string, other: string): LineEdit[] {
  const edits: LineEdit[] = [];
  let index = 0;
  let pending: LineEdit | null = null;
  for (const part of diffLines(base, other)) {
    const lines = splitLines(part.value);
    if (part.removed) {
      pending = { start: index, end: index + lines.length, lines: [] };
      index += lines.length;
    } else if (part.added) {
      const edit: LineEdit = pending ?? { start: index, end: index, lines: [] };
      edit.lines = lines;
      edits.push(edit);
      pending = null;
    } else {
      if (pending) edits.push(pending);
      pending = null;
      index += lines.length;
    }
  }
  if (pending) edits.push(pending);
  return edits;
}

function touches(a: LineEdit, b: LineEdit): boolean {
  return a.start <= b.end && b.start <= a.end;
}

/** The original text with the transform's edits applied (see the file comment). */
export function mergeReprint(identityPrint: string, original: string, transformed: string): string {
  const baseLines = splitLines(identityPrint);
  const transformEdits = findLineEdits(identityPrint, transformed);
  const driftEdits = findLineEdits(identityPrint, original).filter(
    (drift) => !transformEdits.some((edit) => touches(drift, edit)),
  );
  const edits = [...transformEdits, ...driftEdits].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let index = 0;
  for (const edit of edits) {
    out += baseLines.slice(index, edit.start).join('');
    out += edit.lines.join('');
    index = Math.max(index, edit.end);
  }
  return out + baseLines.slice(index).join('');
}
