/**
 * One run of awaitify over a repository, computed entirely in memory:
 *
 *   discover → read and decode → per-file transforms (parse once) → project phase (plan through the
 *   boundary rounds, then propagate-async) → edits files asked of each other → package.json → FileResult[]
 *
 * Nothing is printed or written here; the CLI renders and writes the same results, so the preview is
 * exactly what `--write` does.
 */
import { readFileSync, statSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import type { AsyncFunction } from '../core/async-function';
import { compareDiagnostics, type Diagnostic } from '../core/diagnostic';
import { UsageError } from '../core/errors';
import { normaliseOptions, type AnyOptionValues } from '../core/options';
import { decodeSource, encodeSource, findUnreadableReason } from '../source/source-text';
import type { Transform } from '../transforms/shared/types';
import { applyDependencyRequests } from './dependencies';
import { discoverFiles } from './discover';
import { createFileEdits } from './file-edits';
import { createFileState, type FileState } from './file-state';
import { findLeftovers, findSkippedLeftovers } from './leftovers';
import { engineOptions } from './options';
import { runPerFilePhase, type PerFilePhase } from './per-file-phase';
import { runProjectPhase } from './project-phase';
import type { FileResult, OptionsInEffect, RunOptions, RunResult } from './types';

/** Checks every option and fills in defaults; options for a transform outside the run are refused. */
export function resolveRunOptions(options: RunOptions): OptionsInEffect {
  const selected: Transform[] = [
    ...options.transforms,
    ...(options.projectTransform ? [options.projectTransform] : []),
  ];
  const given = options.transformOptions ?? {};
  const transforms: Record<string, AnyOptionValues> = {};
  for (const transform of selected) {
    const values = given[transform.meta.name] ?? {};
    const unknown = Object.keys(values).filter((key) => !(key in transform.meta.options));
    if (unknown.length > 0) throw new UsageError(`${transform.meta.name} has no option ${unknown.join(', ')}`);
    transforms[transform.meta.name] = normaliseOptions(transform.meta.options, values);
  }
  const outside = Object.keys(given).filter((name) => !(name in transforms) && Object.keys(given[name]).length > 0);
  if (outside.length > 0) {
    throw new UsageError(
      `options were given for ${outside.join(', ')}, which this run does not include (see --transforms)`,
    );
  }
  return { engine: normaliseOptions(engineOptions, options.options ?? {}), transforms };
}

type Timer = <T>(phase: string, work: () => T | Promise<T>) => Promise<T>;

/** Runs `work` and adds its duration to `phaseMs[phase]`. */
function createTimer(phaseMs: Record<string, number>): Timer {
  return async (phase, work) => {
    const t0 = performance.now();
    try {
      return await work();
    } finally {
      phaseMs[phase] = (phaseMs[phase] ?? 0) + performance.now() - t0;
    }
  };
}

interface ProjectOutcome {
  madeAsync: AsyncFunction[];
  diagnostics: Diagnostic[];
}

/** The project phase, when a project transform runs (it plans nothing when nothing starts a chain). */
async function runProject(
  options: RunOptions,
  inEffect: OptionsInEffect,
  states: FileState[],
  perFile: PerFilePhase,
  time: Timer,
  phaseMs: Record<string, number>,
): Promise<ProjectOutcome> {
  const starts = states.flatMap((s) => s.madeAsync);
  const pathOf = new Map(states.map((s) => [s.absolutePath, s.path]));
  const perFileOnly = { madeAsync: starts.map((n) => ({ ...n, file: pathOf.get(n.file) ?? n.file })), diagnostics: [] };
  const project = options.projectTransform;
  const projectOptions = project ? inEffect.transforms[project.meta.name] : undefined;
  if (!project || !projectOptions) return perFileOnly;
  const rerunFile = (state: FileState, skipped: ReadonlySet<string>) => perFile.rerun(state, skipped);
  const input = { states, cwd: options.cwd, project, options: projectOptions, rerunFile };
  const outcome = await time('analysis', () => runProjectPhase(input, inEffect.engine.verify));
  phaseMs.propagate = outcome.propagateMs;
  phaseMs.verify = outcome.verifyMs;
  phaseMs.analysis -= outcome.propagateMs + outcome.verifyMs;
  return outcome;
}

export async function run(options: RunOptions): Promise<RunResult> {
  const started = performance.now();
  const phaseMs: Record<string, number> = {};
  const time = createTimer(phaseMs);
  const inEffect = resolveRunOptions(options);
  const { ignore, maxFileSize, concurrency, node } = inEffect.engine;
  const paths = options.paths.length > 0 ? options.paths : ['.'];
  const discovery = await time('discover', () => discoverFiles({ paths, cwd: options.cwd, ignore, maxFileSize }));
  const states = await time('read', () => discovery.files.map((f) => readState(f.absolutePath, f.path)));
  const fileEdits = createFileEdits(states);
  const perFile = await time('transform', () =>
    runPerFilePhase(states, { ...options, concurrency, node }, inEffect.transforms, fileEdits),
  );
  const project = await runProject(options, inEffect, states, perFile, time, phaseMs);
  await time('file-edits', () => fileEdits.applyRequests(inEffect.transforms));
  const packageResults = await time('package-json', () => applyDependencyRequests(states, options));
  const leftovers = [...findLeftovers(states), ...findSkippedLeftovers(discovery.skipped)].sort((a, b) =>
    a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line,
  );
  const files = [...discovery.skipped, ...states.map(toFileResult), ...packageResults].sort((a, b) =>
    a.path < b.path ? -1 : a.path > b.path ? 1 : 0,
  );
  const diagnostics = [...files.flatMap((f) => f.diagnostics), ...project.diagnostics].sort(compareDiagnostics);
  const madeAsync = project.madeAsync.sort(compareAsyncFunctions);
  return {
    files,
    diagnostics,
    madeAsync,
    apiChanges: madeAsync.filter((m) => m.exported),
    starts: states.flatMap((s) => s.madeAsync),
    leftovers,
    options: inEffect,
    stats: {
      discovered: discovery.files.length + discovery.skipped.length,
      parsed: perFile.parsed,
      prefiltered: perFile.prefiltered,
      parses: states.reduce((sum, s) => sum + s.parses, 0),
      workers: perFile.workers,
      durationMs: performance.now() - started,
      phaseMs,
    },
  };
}

function readState(absolutePath: string, path: string): FileState {
  const state = createFileState(absolutePath, path);
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
  const unreadable = findUnreadableReason(decoded.source.text);
  if (unreadable) {
    state.skipReason = unreadable;
    return state;
  }
  state.source = decoded.source;
  state.text = decoded.source.text;
  return state;
}

function compareAsyncFunctions(a: AsyncFunction, b: AsyncFunction): number {
  return a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column;
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
