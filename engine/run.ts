/**
 * One run of awaitify over a repository, computed entirely in memory:
 *
 *   discover → read and decode → per-file transforms (parse once) → project analysis → propagate-async
 *   → edits files asked of each other → package.json → FileResult[]
 *
 * Nothing is printed or written here; the CLI renders and writes the same results, so the preview is
 * exactly what `--write` does.
 */
import { readFileSync, statSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { defaultTransformOptions, type Diagnostic, type NewlyAsync, type TransformOptions } from '../transforms/shared/types';
import { discoverFiles } from './discover';
import { applyDependencyRequests } from './dependencies';
import { createFileEdits } from './file-edits';
import { applyProjectTransform } from './project-phase';
import { decodeSource, encodeSource, isMinified } from '../source/source-text';
import type { FileResult, MadeAsync, RunOptions, RunResult } from './types';
import { runPerFilePhase } from './per-file-phase';
import { compareDiagnostics, type FileState } from './file-state';

const DEFAULT_MAX_FILE_SIZE = 2 * 1024 * 1024;

export async function run(options: RunOptions): Promise<RunResult> {
  const started = performance.now();
  const phaseMs: Record<string, number> = {};
  const time = <T>(phase: string, work: () => T): T => {
    const t0 = performance.now();
    try {
      return work();
    } finally {
      phaseMs[phase] = (phaseMs[phase] ?? 0) + performance.now() - t0;
    }
  };
  const timeAsync = async <T>(phase: string, work: () => Promise<T>): Promise<T> => {
    const t0 = performance.now();
    try {
      return await work();
    } finally {
      phaseMs[phase] = (phaseMs[phase] ?? 0) + performance.now() - t0;
    }
  };
  const t0 = performance.now();
  const discovery = await discoverFiles({
    paths: options.paths.length > 0 ? options.paths : ['.'],
    cwd: options.cwd,
    ignore: options.ignore ?? [],
    maxFileSize: options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE,
  });
  phaseMs.discover = performance.now() - t0;

  const transformOptions: TransformOptions = {
    ...defaultTransformOptions,
    runners: options.runners ?? [],
    markBoundaries: options.markBoundaries ?? false,
    parallelMap: options.parallelMap ?? false,
  };
  const states = time('read', () => discovery.files.map((f) => readState(f.absolutePath, f.path)));
  const fileEdits = createFileEdits(states);
  const perFile = await timeAsync('transform', () => runPerFilePhase(states, options, transformOptions, fileEdits));

  const starts = states.flatMap((s) => s.newlyAsync);
  const pathOf = new Map(states.map((s) => [s.absolutePath, s.path]));
  let madeAsync: MadeAsync[] = starts.map((n) => ({ ...toMadeAsync(n), file: pathOf.get(n.file) ?? n.file }));
  let apiChanges: MadeAsync[] = [];
  const projectDiagnostics: Diagnostic[] = [];
  if (options.projectTransform && (starts.length > 0 || (options.asyncNames ?? []).length > 0)) {
    const outcome = time('analysis', () =>
      applyProjectTransform({
        states,
        options,
        transformOptions,
        rerunFile: (state, skipped) => perFile.rerun(state, skipped),
      }),
    );
    madeAsync = outcome.madeAsync.sort(compareMadeAsync);
    apiChanges = outcome.apiChanges.sort(compareMadeAsync);
    projectDiagnostics.push(...outcome.diagnostics);
    phaseMs.propagate = outcome.propagateMs;
    phaseMs.analysis -= outcome.propagateMs;
  }

  time('file-edits', () => fileEdits.applyRequests(transformOptions));
  const packageResults = time('package-json', () => applyDependencyRequests(states, options));
  const files = [...discovery.skipped, ...states.map(toFileResult), ...packageResults].sort((a, b) =>
    a.path < b.path ? -1 : a.path > b.path ? 1 : 0,
  );
  const diagnostics = [...files.flatMap((f) => f.diagnostics), ...projectDiagnostics].sort(compareDiagnostics);
  return {
    files,
    diagnostics,
    madeAsync,
    apiChanges,
    newlyAsync: starts,
    stats: {
      discovered: discovery.files.length + discovery.skipped.length,
      parsed: perFile.parsed,
      prefiltered: perFile.prefiltered,
      workers: perFile.workers,
      durationMs: performance.now() - started,
      phaseMs,
    },
  };
}

function readState(absolutePath: string, path: string): FileState {
  const state: FileState = { absolutePath, path, changedBy: [], diagnostics: [], newlyAsync: [], dependencies: [] };
  try {
    state.before = readFileSync(absolutePath);
    state.mode = statSync(absolutePath).mode & 0o7777;
  } catch (error) {
    state.failure = { message: `cannot read: ${(error as Error).message}` };
    return state;
  }
  const decoded = decodeSource(state.before);
  if (!decoded.ok) {
    state.skipReason = decoded.reason;
    return state;
  }
  if (isMinified(decoded.source.text)) {
    state.skipReason = 'minified code';
    return state;
  }
  state.source = decoded.source;
  state.text = decoded.source.text;
  return state;
}

function compareMadeAsync(a: MadeAsync, b: MadeAsync): number {
  return a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column;
}

function toMadeAsync(n: NewlyAsync): MadeAsync {
  return { file: n.file, name: n.name, line: n.line, column: n.column, reason: n.reason };
}

function toFileResult(state: FileState): FileResult {
  const base = {
    path: state.path,
    absolutePath: state.absolutePath,
    before: state.before,
    mode: state.mode,
    changedBy: state.changedBy,
    diagnostics: state.diagnostics,
  };
  if (state.failure) {
    return { ...base, status: 'failed', changedBy: [], error: state.failure };
  }
  if (state.skipReason || !state.source || state.text === undefined) {
    return { ...base, status: 'skipped', reason: state.skipReason ?? 'not read' };
  }
  if (state.text === state.source.text) return { ...base, status: 'unchanged', changedBy: [] };
  const after = encodeSource(state.source, state.text);
  if (state.before && after.equals(state.before)) return { ...base, status: 'unchanged', changedBy: [] };
  return { ...base, status: 'changed', after };
}
