/**
 * Which sync primitives left by a run are accepted, so that `--check` can fail on the others.
 *
 * - An inline comment on the line above the primitive's load accepts it, with a reason:
 *     // awaitify-ignore-next-line: the CLI entry point stays synchronous
 *     const request = require('sync-request');
 *   A comment without a reason accepts nothing and is reported.
 * - A baseline file (`--update-baseline`, the model being ESLint's suppressions file and Rector's
 *   baseline) accepts up to `count` leftovers of a primitive in a file. It is keyed by file and
 *   primitive, never by line, so edits elsewhere in the file do not invalidate it:
 *     { "awaitifyBaseline": 1, "leftovers": { "src/cli.js": { "sync-request": { "count": 1 } } } }
 *   File paths are relative to the baseline file's folder.
 * Pure: the CLI reads and writes the baseline file (cli/baseline.ts).
 */
import * as path from 'node:path';
import type { Leftover } from '../engine/leftovers';
import type { FileResult } from '../engine/types';
import { decodeSource } from '../source/source-text';

export interface Baseline {
  awaitifyBaseline: 1;
  /** file (relative to the baseline's folder, `/`) → primitive → how many leftovers are accepted */
  leftovers: Record<string, Record<string, { count: number }>>;
}

export type LeftoverAcceptance = 'comment' | 'baseline' | null;

export interface GatedLeftover extends Leftover {
  /** What accepts this leftover; null means `--check` fails on it. */
  accepted: LeftoverAcceptance;
  /** The reason the comment gives, for leftovers accepted by a comment. */
  acceptedReason?: string;
}

export interface LeftoverGate {
  items: GatedLeftover[];
  /** Leftovers that nothing accepts. */
  unaccepted: number;
  /** Problems with the acceptances themselves: a comment without a reason, baseline entries no longer needed. */
  notes: string[];
}

export interface GateContext {
  /** The run's folder (leftover paths are relative to it). */
  cwd: string;
  baseline: Baseline | null;
  /** The baseline file's absolute path (its folder is what its paths are relative to). */
  baselineFile: string;
}

const ignoreComment = /^\s*\/\/\s*awaitify-ignore-next-line\b(.*)$/;

/** The comment on the line above `line` (1-based) of `text`: its reason, '' without one, or null. */
export function findIgnoreComment(text: string, line: number): string | null {
  const above = text.split('\n')[line - 2];
  if (above === undefined) return null;
  const match = ignoreComment.exec(above.replace(/\r$/, ''));
  if (!match) return null;
  const reason = /^\s*:(.*)$/.exec(match[1]);
  return reason ? reason[1].trim() : '';
}

function readText(file: FileResult | undefined): string | null {
  if (!file?.before) return null;
  const decoded = decodeSource(file.before);
  return decoded.ok ? decoded.source.text : null;
}

function toBaselinePath(leftover: Leftover, context: GateContext): string {
  const absolute = path.resolve(context.cwd, leftover.file);
  return path.relative(path.dirname(context.baselineFile), absolute).split(path.sep).join('/');
}

/** Sorts each leftover into accepted by a comment, by the baseline, or not at all. */
export function gateLeftovers(
  leftovers: readonly Leftover[],
  files: readonly FileResult[],
  context: GateContext,
): LeftoverGate {
  const byPath = new Map(files.map((file) => [file.path, file]));
  const notes: string[] = [];
  const remaining = new Map<string, number>();
  const items = leftovers.map((leftover): GatedLeftover => {
    const text = readText(byPath.get(leftover.file));
    const reason = text === null ? null : findIgnoreComment(text, leftover.line);
    if (reason) return { ...leftover, accepted: 'comment', acceptedReason: reason };
    if (reason === '') {
      notes.push(
        `${leftover.file}:${leftover.line - 1}: awaitify-ignore-next-line needs a reason ` +
          '(// awaitify-ignore-next-line: why this stays synchronous)',
      );
    }
    const key = `${toBaselinePath(leftover, context)}\0${leftover.primitive}`;
    const left = remaining.get(key) ?? findBaselineCount(context.baseline, key);
    remaining.set(key, left - 1);
    return { ...leftover, accepted: left > 0 ? 'baseline' : null };
  });
  notes.push(...findStaleEntries(context.baseline, remaining));
  return { items, unaccepted: items.filter((item) => item.accepted === null).length, notes };
}

function findBaselineCount(baseline: Baseline | null, key: string): number {
  const [file, primitive] = key.split('\0');
  return baseline?.leftovers[file]?.[primitive]?.count ?? 0;
}

/** Baseline entries that accept more than is left: they can go (`--update-baseline` prunes them). */
function findStaleEntries(baseline: Baseline | null, remaining: Map<string, number>): string[] {
  if (!baseline) return [];
  const stale: string[] = [];
  for (const [file, primitives] of Object.entries(baseline.leftovers)) {
    for (const [primitive, { count }] of Object.entries(primitives)) {
      const key = `${file}\0${primitive}`;
      const unused = remaining.has(key) ? Math.max(0, remaining.get(key) ?? 0) : count;
      if (unused > 0) stale.push(`the baseline accepts ${unused} more ${primitive} in ${file} than is left`);
    }
  }
  return stale.length > 0 ? [...stale, 'run with --update-baseline to remove what is no longer needed'] : [];
}

/** The baseline that accepts every leftover no comment accepts (sorted, for stable diffs). */
export function buildBaseline(gate: LeftoverGate, context: Omit<GateContext, 'baseline'>): Baseline {
  const leftovers: Baseline['leftovers'] = {};
  const entries = gate.items
    .filter((item) => item.accepted !== 'comment')
    .map((item) => [toBaselinePath(item, { ...context, baseline: null }), item.primitive] as const)
    .sort(([a, p], [b, q]) => (a < b ? -1 : a > b ? 1 : p < q ? -1 : p > q ? 1 : 0));
  for (const [file, primitive] of entries) {
    const forFile = (leftovers[file] ??= {});
    forFile[primitive] = { count: (forFile[primitive]?.count ?? 0) + 1 };
  }
  return { awaitifyBaseline: 1, leftovers };
}
