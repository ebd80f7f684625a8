/**
 * No silent leftovers: every sync primitive a run leaves in a file (its module still required or
 * imported after the run) is listed with where and why, and carries a diagnostic at its import. The
 * reason is the file's own diagnostics when a transform said why it left the code (a refusal, a
 * boundary), else that no transform converts this use, or why the file was skipped.
 */
import type { Diagnostic, DiagnosticSpecs } from '../core/diagnostic';
import { LineIndex } from '../core/positions';
import { readFileSync } from 'node:fs';
import { decodeSource } from '../source/source-text';
import type { FileState } from './file-state';
import { DECLARATION_FILE } from './file-names';
import { findPrimitiveLoads, type SyncPrimitive } from './primitive-loads';

/** A sync primitive a run leaves in a file, and why. */
export interface Leftover {
  primitive: SyncPrimitive;
  /** Path relative to the run's cwd. */
  file: string;
  /** Where the module is loaded, in the file as it is on disk (1-based). */
  line: number;
  column: number;
  reason: string;
}

export const leftoverDiagnostics = {
  SYNC_PRIMITIVE_LEFT: {
    severity: 'warning',
    summary:
      'A sync primitive is still loaded after the run: the message says why (the diagnostics of its conversions, ' +
      'a use no transform converts, or a skipped file) and what to do.',
  },
} satisfies DiagnosticSpecs;

/**
 * A synckit worker (`runAsWorker(fn)`) blocks nothing: its callers' createSyncFn does. A migrated worker
 * keeps runAsWorker for callers that were not migrated, so that alone is not a leftover.
 */
function isWorkerSideOnly(text: string): boolean {
  return /\brunAsWorker\b/.test(text) && !/\bcreateSyncFn\b/.test(text);
}

/** Discovery's reason for a file over --max-file-size (engine/discover.ts). */
function isTooLarge(reason: string): boolean {
  return reason.includes('larger than --max-file-size');
}

/** Why a skipped file was not converted, and how to include it when a flag can. */
function explainSkip(reason: string): string {
  // the size reason already names the flag and a value that would take the file
  if (reason === DECLARATION_FILE) {
    return (
      'a type declaration file: nothing in it runs, but its types still describe the old library; keep that ' +
      "library's types installed for it, or rewrite them with the new library's types"
    );
  }
  const include = isTooLarge(reason)
    ? ''
    : reason === 'minified code'
      ? '; migrate its source instead (a minified file is built from one)'
      : '';
  return `the file was skipped (${reason}), so nothing in it was converted${include}`;
}

/** Why the primitive stays: the file's diagnostics that explain it, or the skip, or that nothing converts it. */
function explain(state: FileState, primitive: SyncPrimitive): string {
  if (state.skipReason) return explainSkip(state.skipReason);
  const boundary = state.leftOutFor[0];
  if (boundary) {
    const at = `${boundary.code} at ${boundary.file}:${boundary.line}:${boundary.column}`;
    return `its conversion was left out because its chain of callers reaches a place that cannot be async (${at})`;
  }
  const codes = [...new Set(state.diagnostics.map((d) => d.code))].filter((code) => code !== 'SYNC_PRIMITIVE_LEFT');
  if (codes.length > 0) return `see ${codes.join(', ')} in this file for the uses left as they were`;
  if (primitive === 'synckit' && isWorkerSideOnly(readFinalText(state) ?? '')) {
    return (
      'a synckit worker (runAsWorker) blocks nothing itself, but the createSyncFn calls that run it were left as ' +
      'they were (see their diagnostics); it goes when they do'
    );
  }
  return `no transform converts how this file uses ${primitive}; migrate that use by hand`;
}

/** The text a leftover is looked for in: the result of the run, or the file as read when it was skipped. */
function readFinalText(state: FileState): string | null {
  if (state.failure) return null;
  if (state.text !== undefined) return state.text;
  if (!state.before) return null;
  const decoded = decodeSource(state.before);
  return decoded.ok ? decoded.source.text : null;
}

/**
 * Files discovery skipped without reading (larger than --max-file-size): read now, only to say which
 * primitives they keep. A file that cannot be read or decoded is left out.
 */
export function findSkippedLeftovers(
  skipped: { path: string; absolutePath?: string; reason?: string; diagnostics: Diagnostic[] }[],
): Leftover[] {
  const leftovers: Leftover[] = [];
  for (const file of skipped) {
    if (!file.absolutePath || !file.reason || !(isTooLarge(file.reason) || file.reason === DECLARATION_FILE)) continue;
    let decoded;
    try {
      decoded = decodeSource(readFileSync(file.absolutePath));
    } catch {
      continue;
    }
    if (!decoded.ok) continue;
    const lines = new LineIndex(decoded.source.text);
    for (const [primitive, offset] of findPrimitiveLoads(decoded.source.text)) {
      const { line, column } = lines.locate(offset);
      const reason = explainSkip(file.reason);
      leftovers.push({ primitive, file: file.path, line, column, reason });
      file.diagnostics.push(toDiagnostic(file.path, primitive, reason, line, column));
    }
  }
  return leftovers;
}

/**
 * The leftovers of every file, each also reported as a SYNC_PRIMITIVE_LEFT diagnostic on its file. The
 * location is the primitive's load in the file as read (the line a reader of the diff finds it on).
 */
export function findLeftovers(states: readonly FileState[]): Leftover[] {
  const leftovers: Leftover[] = [];
  for (const state of states) {
    const text = readFinalText(state);
    if (text === null) continue;
    const original = state.source?.text ?? text;
    const originalLoads = findPrimitiveLoads(original);
    const lines = new LineIndex(original);
    for (const primitive of findPrimitiveLoads(text).keys()) {
      // a migrated worker keeps runAsWorker for callers not migrated; an untouched one is said
      if (primitive === 'synckit' && isWorkerSideOnly(text) && text !== original) continue;
      const { line, column } = lines.locate(originalLoads.get(primitive) ?? 0);
      const reason = explain(state, primitive);
      leftovers.push({ primitive, file: state.path, line, column, reason });
      state.diagnostics.push(toDiagnostic(state.path, primitive, reason, line, column));
    }
  }
  return leftovers;
}

function toDiagnostic(file: string, primitive: string, reason: string, line: number, column: number): Diagnostic {
  const { severity } = leftoverDiagnostics.SYNC_PRIMITIVE_LEFT;
  return {
    code: 'SYNC_PRIMITIVE_LEFT',
    severity,
    message: `${primitive} is still used here: ${reason}`,
    file,
    line,
    column,
  };
}

/** `sync-request: 3, co: 1`, for the summary and the JSON report. */
export function countLeftovers(leftovers: readonly Leftover[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const { primitive } of leftovers) counts[primitive] = (counts[primitive] ?? 0) + 1;
  return counts;
}
