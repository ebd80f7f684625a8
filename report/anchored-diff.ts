/**
 * The diff for files Myers' algorithm gives up on (O(size × edits): thousands of changed lines). Lines
 * that occur exactly once in both versions anchor the two texts to each other, in order (the longest
 * such chain, as patience diff does); the stretches between anchors are small and are diffed on their
 * own. The result is real hunks with context, exact for `git apply`, in time near-linear in the size.
 */
import { diffArrays } from 'diff';
import type { StructuredPatchHunk } from 'diff';

type Op = { kind: ' ' | '-' | '+'; line: string };

/** Lines with their `\n` (the last may lack one), so a missing final newline is a difference. */
function splitKeepingNewlines(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

/** Indices of the longest chain of anchors increasing in both texts (patience sorting). */
function longestIncreasing(pairs: [number, number][]): [number, number][] {
  const tails: number[] = [];
  const previous: number[] = new Array<number>(pairs.length).fill(-1);
  pairs.forEach(([, b], i) => {
    let low = 0;
    let high = tails.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (pairs[tails[mid]][1] < b) low = mid + 1;
      else high = mid;
    }
    if (low > 0) previous[i] = tails[low - 1];
    tails[low] = i;
  });
  const chain: [number, number][] = [];
  for (let i = tails.length > 0 ? tails[tails.length - 1] : -1; i >= 0; i = previous[i]) {
    chain.unshift(pairs[i]);
  }
  return chain;
}

function countLines(lines: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const line of lines) counts.set(line, (counts.get(line) ?? 0) + 1);
  return counts;
}

/** Unique common lines of a[aFrom, aTo) and b[bFrom, bTo), as [aIndex, bIndex] in a's order. */
function findAnchors(a: string[], b: string[]): [number, number][] {
  const inA = countLines(a);
  const inB = countLines(b);
  const bIndex = new Map<string, number>();
  b.forEach((line, i) => {
    if (inB.get(line) === 1 && inA.get(line) === 1) bIndex.set(line, i);
  });
  const pairs: [number, number][] = [];
  a.forEach((line, i) => {
    const j = bIndex.get(line);
    if (j !== undefined) pairs.push([i, j]);
  });
  return longestIncreasing(pairs);
}

/** A small stretch: Myers within a budget, or all of it removed then added. */
function diffStretch(a: string[], b: string[], ops: Op[]): void {
  const changes = a.length > 0 && b.length > 0 ? diffArrays(a, b, { maxEditLength: 200 }) : undefined;
  if (!changes) {
    for (const line of a) ops.push({ kind: '-', line });
    for (const line of b) ops.push({ kind: '+', line });
    return;
  }
  for (const change of changes) {
    const kind = change.added ? '+' : change.removed ? '-' : ' ';
    for (const line of change.value) ops.push({ kind, line });
  }
}

function diffLines(a: string[], b: string[], ops: Op[], depth: number): void {
  const anchors = depth < 4 ? findAnchors(a, b) : [];
  if (anchors.length === 0) {
    diffStretch(a, b, ops);
    return;
  }
  let aAt = 0;
  let bAt = 0;
  for (const [i, j] of anchors) {
    diffLines(a.slice(aAt, i), b.slice(bAt, j), ops, depth + 1);
    ops.push({ kind: ' ', line: a[i] });
    aAt = i + 1;
    bAt = j + 1;
  }
  diffLines(a.slice(aAt), b.slice(bAt), ops, depth + 1);
}

/** One hunk line: the text without its `\n`, and git's marker after a line that had none. */
function renderOp(op: Op): string[] {
  const text = `${op.kind}${op.line.endsWith('\n') ? op.line.slice(0, -1) : op.line}`;
  return op.line.endsWith('\n') ? [text] : [text, '\\ No newline at end of file'];
}

/** Groups changes with `context` lines around them into hunks, merging hunks whose context touches. */
function buildHunks(ops: Op[], context: number): StructuredPatchHunk[] {
  const changed = ops.map((op, i) => (op.kind === ' ' ? -1 : i)).filter((i) => i >= 0);
  // old and new line numbers before each op
  const oldBefore: number[] = [];
  const newBefore: number[] = [];
  ops.reduce(
    ([old, next], op, i) => {
      oldBefore[i] = old;
      newBefore[i] = next;
      return [old + (op.kind === '+' ? 0 : 1), next + (op.kind === '-' ? 0 : 1)];
    },
    [0, 0],
  );
  const hunks: StructuredPatchHunk[] = [];
  let index = 0;
  while (index < changed.length) {
    const start = Math.max(0, changed[index] - context);
    let end = changed[index];
    while (index + 1 < changed.length && changed[index + 1] - end <= 2 * context) end = changed[++index];
    index += 1;
    const stop = Math.min(ops.length, end + context + 1);
    const slice = ops.slice(start, stop);
    hunks.push({
      oldStart: oldBefore[start] + 1,
      oldLines: slice.filter((op) => op.kind !== '+').length,
      newStart: newBefore[start] + 1,
      newLines: slice.filter((op) => op.kind !== '-').length,
      lines: slice.flatMap(renderOp),
    });
  }
  return hunks;
}

/** Hunks between `before` and `after` by anchoring on unique lines; for diffs too large for Myers. */
export function buildAnchoredHunks(before: string, after: string, context: number): StructuredPatchHunk[] {
  const ops: Op[] = [];
  diffLines(splitKeepingNewlines(before), splitKeepingNewlines(after), ops, 0);
  return buildHunks(ops, context);
}
