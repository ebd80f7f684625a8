/**
 * `--json`: the whole run as one JSON document on stdout, for CI and wrappers that must not scrape
 * text (mastra#24778). Every file appears with its status; changed files carry their diff.
 * The contract is schema/report.schema.json, shipped in the package; every report the test suite
 * produces is validated against it (__tests__/support/report-schema.ts).
 */
import type { Diagnostic } from '../core/diagnostic';
import type { AsyncFunction } from '../core/async-function';
import { countLeftovers, type Leftover } from '../engine/leftovers';
import type { FileStatus, OptionsInEffect, RunStats } from '../engine/types';
import { renderFileDiff } from './diff';
import type { GatedLeftover, LeftoverGate } from './leftover-gate';
import type { Report, Totals, WriteReport } from './totals';

export interface JsonFileReport {
  path: string;
  status: FileStatus;
  changedBy: string[];
  linesAdded: number;
  linesRemoved: number;
  /** The file's git-style diff (changed files only). */
  diff?: string;
  reason?: string;
  error?: { message: string; line?: number; column?: number };
  diagnostics: Diagnostic[];
}

export interface JsonReport {
  /** The version of schema/report.schema.json: bumped when a field changes meaning or disappears. */
  schemaVersion: 1;
  /** What the run did: preview, check, write or interactive. */
  mode: string;
  /** The process exit code this run ends with. */
  exitCode: number;
  totals: Totals;
  /** Files parsed, skipped by the prefilter, and time per phase (ms). */
  stats: RunStats;
  files: JsonFileReport[];
  diagnostics: Diagnostic[];
  madeAsync: JsonFunction[];
  apiChanges: JsonFunction[];
  /**
   * Sync primitives the run leaves, with where and why, and how many of each; with the CLI, also what
   * accepts each (an awaitify-ignore-next-line comment, the baseline, or nothing) and how many nothing accepts.
   */
  leftovers: {
    counts: Record<string, number>;
    items: (Leftover | GatedLeftover)[];
    unaccepted?: number;
    notes?: string[];
  };
  /**
   * The options the run used, defaults filled in: the engine's, each transform's and the command line's;
   * with the CLI, where each value came from (flag, config or default) and the configuration file read.
   */
  options: OptionsInEffect & {
    cli?: Record<string, unknown>;
    sources?: Record<string, string>;
    configFile?: string;
  };
  /** Paths written to disk by this run (empty unless --write or --interactive). */
  written: string[];
  /** Files --write refused or failed to write, with why. */
  notWritten: { path: string; reason: string }[];
  /** Why --write wrote nothing (refused before the first write, or restored after a failed one), when it did. */
  refusal?: string;
  /** Files written and then restored to their old bytes because another write failed. */
  restored: string[];
  /** Temp files that an interrupted awaitify run had left, removed by this run. */
  removedTempFiles: string[];
}

/** A function made async: where, and why. */
export type JsonFunction = Omit<AsyncFunction, 'conversions'>;

export interface JsonContext {
  mode: string;
  exitCode: number;
  write?: WriteReport;
  /** The command line's own options in effect (absent for API callers). */
  cliOptions?: Record<string, unknown>;
  removedTemps?: readonly string[];
  /** What accepts each leftover (absent for API callers). */
  gate?: LeftoverGate;
  /** Where each option came from, and the configuration file (absent for API callers). */
  optionSources?: { sources: Record<string, string>; configFile?: string };
}

function toJsonFunction({ conversions: _conversions, ...rest }: AsyncFunction): JsonFunction {
  return rest;
}

export function buildJsonReport(report: Report, context: JsonContext): JsonReport {
  const files = report.result.files.map((file, index): JsonFileReport => {
    const diff = report.diffs[index];
    return {
      path: file.path,
      status: file.status,
      changedBy: file.changedBy,
      linesAdded: diff.added,
      linesRemoved: diff.removed,
      ...(file.status === 'changed' ? { diff: renderFileDiff(diff) } : {}),
      ...(file.reason !== undefined ? { reason: file.reason } : {}),
      ...(file.error !== undefined ? { error: file.error } : {}),
      diagnostics: file.diagnostics,
    };
  });
  return {
    schemaVersion: 1,
    mode: context.mode,
    exitCode: context.exitCode,
    totals: report.totals,
    stats: report.result.stats,
    files,
    diagnostics: report.result.diagnostics,
    madeAsync: report.result.madeAsync.map(toJsonFunction),
    apiChanges: report.result.apiChanges.map(toJsonFunction),
    leftovers: {
      counts: countLeftovers(report.result.leftovers),
      items: context.gate?.items ?? report.result.leftovers,
      ...(context.gate ? { unaccepted: context.gate.unaccepted, notes: context.gate.notes } : {}),
    },
    options: {
      ...report.result.options,
      ...(context.cliOptions ? { cli: context.cliOptions } : {}),
      ...(context.optionSources?.sources ? { sources: context.optionSources.sources } : {}),
      ...(context.optionSources?.configFile ? { configFile: context.optionSources.configFile } : {}),
    },
    written: context.write?.written ?? [],
    notWritten: context.write?.notWritten ?? [],
    ...(context.write?.refusal !== undefined ? { refusal: context.write.refusal } : {}),
    restored: context.write?.restored ?? [],
    removedTempFiles: [...(context.removedTemps ?? [])],
  };
}

export function renderJson(report: Report, context: JsonContext): string {
  return `${JSON.stringify(buildJsonReport(report, context), null, 2)}\n`;
}
