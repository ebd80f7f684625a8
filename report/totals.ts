/**
 * The numbers every report shows, computed once. Each file of the run has exactly one status, so
 * changed + unchanged + skipped + failed = files on every run (ember-native-class-codemod#525).
 */
import type { FileResult, FileStatus, RunResult } from '../engine/types';
import { getFileDiff } from './diff';
import type { FileDiff } from './diff';

export interface Totals {
  /** Files in the results: every discovered source file, plus each package.json the run edits. */
  files: number;
  changed: number;
  unchanged: number;
  skipped: number;
  failed: number;
  linesAdded: number;
  linesRemoved: number;
  diagnostics: number;
}

/** A run's results with each changed file's diff computed once for every renderer. */
export interface Report {
  result: RunResult;
  /** One entry per file in `result.files`, same order (empty hunks for files that did not change). */
  diffs: FileDiff[];
  totals: Totals;
}

function countStatus(files: readonly FileResult[], status: FileStatus): number {
  return files.filter((file) => file.status === status).length;
}

export function buildReport(result: RunResult): Report {
  const diffs = result.files.map(getFileDiff);
  const totals: Totals = {
    files: result.files.length,
    changed: countStatus(result.files, 'changed'),
    unchanged: countStatus(result.files, 'unchanged'),
    skipped: countStatus(result.files, 'skipped'),
    failed: countStatus(result.files, 'failed'),
    linesAdded: diffs.reduce((sum, diff) => sum + diff.added, 0),
    linesRemoved: diffs.reduce((sum, diff) => sum + diff.removed, 0),
    diagnostics: result.diagnostics.length,
  };
  return { result, diffs, totals };
}

/** What --write / --interactive did, for the summary and the JSON report. */
export interface WriteReport {
  /** Paths (as in the report) now holding their new bytes. */
  written: string[];
  /** Files the writer refused or failed to write, with why (each makes the run exit 2). */
  notWritten: { path: string; reason: string }[];
  /**
   * Why nothing was written: refused before any file was touched (dirty tree, no git, a read-only file),
   * or a write failed and the files already written were restored.
   */
  refusal?: string;
  /** Files written and then given back their old bytes because another write failed. */
  restored?: string[];
}
