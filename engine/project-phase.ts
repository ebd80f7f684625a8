/**
 * The project phase: ask propagate-async for a plan over every file (after the per-file transforms),
 * drop the conversions whose chains reach a boundary (re-running the per-file transforms on those files
 * without them, until the plan is stable), then apply the plan file by file.
 */
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import jscodeshift from 'jscodeshift';
import type { AsyncPlan } from '../analysis/types';
import { createTransformContext, isModuleSource } from '../transforms/shared/context';
import { getParser, getParserName, isTypeScriptFile } from '../source/parsers';
import type { Diagnostic, TransformOptions } from '../transforms/shared/types';
import { UsageError } from '../core/errors';
import type { FileState } from './file-state';
import { createLineMap, mapMentions, type LineMap } from '../source/line-map';
import { checkParses, parseOrThrow, printChanged } from './transform-file';
import type { MadeAsync, RunOptions } from './types';

/** A chain rarely needs more than two rounds; more than this means the plan keeps moving. */
const MAX_ROUNDS = 6;

export interface ProjectPhaseInput {
  states: FileState[];
  options: RunOptions;
  transformOptions: TransformOptions;
  /** Re-runs the per-file transforms on a file's original text, leaving out `skipped` conversions. */
  rerunFile(state: FileState, skipped: ReadonlySet<string>): void;
}

export interface ProjectPhaseOutcome {
  madeAsync: MadeAsync[];
  apiChanges: MadeAsync[];
  diagnostics: Diagnostic[];
  propagateMs: number;
}

/** `src/db.ts#Db.query` → file and name; the file must be part of the run. */
export function parseAsyncNames(values: readonly string[], cwd: string, states: FileState[]) {
  const known = new Set(states.map((s) => s.absolutePath));
  return values.map((value) => {
    const at = value.lastIndexOf('#');
    if (at <= 0 || at === value.length - 1) {
      throw new UsageError(`--async ${value}: expected FILE#NAME, for example --async src/db.ts#Db.query`);
    }
    const file = resolve(cwd, value.slice(0, at));
    if (!known.has(file)) throw new UsageError(`--async ${value}: ${value.slice(0, at)} is not among the files of this run`);
    return { file, name: value.slice(at + 1) };
  });
}

/** Conversion ids are per file; the engine qualifies them with the file so a plan can name them. */
function splitQualifiedIds(ids: Iterable<string>): Map<string, Set<string>> {
  const byFile = new Map<string, Set<string>>();
  for (const id of ids) {
    const at = id.indexOf('#');
    const file = id.slice(0, at);
    if (!byFile.has(file)) byFile.set(file, new Set());
    byFile.get(file)?.add(id.slice(at + 1));
  }
  return byFile;
}

interface ComputedPlan {
  plan: AsyncPlan;
  /**
   * Boundary diagnostics of earlier rounds, already in original positions: the round that drops a
   * chain's conversions is the last to see the chain, so later plans would not report it again.
   */
  earlierBoundaries: Diagnostic[];
}

function computePlan(input: ProjectPhaseInput, userStarts: { file: string; name: string }[]): ComputedPlan {
  const project = input.options.projectTransform;
  if (!project) throw new Error('project phase without a project transform');
  const skipped = new Set<string>();
  const earlierBoundaries: Diagnostic[] = [];
  let plan: AsyncPlan | undefined;
  for (let round = 0; round < MAX_ROUNDS; round += 1) {
    const sources = new Map<string, string>();
    for (const s of input.states) if (s.text !== undefined && !s.failure) sources.set(s.absolutePath, s.text);
    plan = project.planAsync({
      cwd: input.options.cwd,
      sources,
      starts: input.states.flatMap((s) => s.newlyAsync),
      userStarts,
      markBoundaries: input.transformOptions.markBoundaries,
      parallelMap: input.transformOptions.parallelMap,
    });
    if (input.transformOptions.markBoundaries) break;
    const fresh = plan.boundaries.flatMap((b) => b.skipConversionIds).filter((id) => !skipped.has(id));
    if (fresh.length === 0) break;
    const toOriginal = createOriginalPositions(input.states);
    for (const b of plan.boundaries) if (b.diagnostic) earlierBoundaries.push(toOriginal(b.diagnostic));
    fresh.forEach((id) => skipped.add(id));
    const byFile = splitQualifiedIds(skipped);
    for (const state of input.states) {
      const ids = byFile.get(state.absolutePath);
      if (ids && fresh.some((id) => id.startsWith(`${state.absolutePath}#`))) input.rerunFile(state, ids);
    }
  }
  if (!plan) throw new Error('no plan computed');
  return { plan, earlierBoundaries };
}

/** Earlier rounds' boundary diagnostics the final ones do not repeat, then the final ones. */
function mergeDiagnostics(earlier: Diagnostic[], final: Diagnostic[]): Diagnostic[] {
  const key = (d: Diagnostic) => `${d.file}:${d.line}:${d.column}:${d.code}:${d.message}`;
  const seen = new Set(final.map(key));
  const kept: Diagnostic[] = [];
  for (const d of earlier) {
    if (seen.has(key(d))) continue;
    seen.add(key(d));
    kept.push(d);
  }
  return [...kept, ...final];
}

export function applyProjectTransform(input: ProjectPhaseInput): ProjectPhaseOutcome {
  const project = input.options.projectTransform;
  if (!project) throw new Error('project phase without a project transform');
  const userStarts = parseAsyncNames(input.options.asyncNames ?? [], input.options.cwd, input.states);
  const { plan, earlierBoundaries } = computePlan(input, userStarts);
  const t0 = performance.now();
  const byPath = new Map(input.states.map((s) => [s.absolutePath, s]));
  const toOriginal = createOriginalPositions(input.states);
  for (const [file, filePlan] of Object.entries(plan.files)) {
    const state = byPath.get(file);
    if (!state || state.text === undefined || state.failure) continue;
    const j = jscodeshift.withParser(getParser(getParserName(state.path)));
    try {
      const root = parseOrThrow(j, state.text, 'cannot parse');
      const { context, collected } = createTransformContext({
        j,
        root,
        file: state.path,
        transformName: project.meta.name,
        isModule: isModuleSource(j, root, state.path),
        isTypeScript: isTypeScriptFile(state.path),
        nodeEngines: null,
        options: input.transformOptions,
      });
      const changed = project.applyPlan(root, context, filePlan);
      state.diagnostics.push(...collected.diagnostics.map(toOriginal));
      if (!changed) continue;
      const printed = printChanged(j, root, state.text);
      if (printed === state.text) continue;
      checkParses(state.path, printed, `transform produced invalid code (${project.meta.name})`);
      state.text = printed;
      state.changedBy.push(project.meta.name);
    } catch (error) {
      const e = error as { message?: string; line?: number; column?: number };
      state.failure = { message: e.message ?? String(error), line: e.line, column: e.column };
    }
  }
  const relative = (file: string) => byPath.get(file)?.path ?? file;
  const madeAsync = plan.madeAsync.map((m) => {
    const { line, message } = toOriginal({ file: m.file, line: m.line, message: m.reason });
    return { ...m, file: relative(m.file), line, reason: message };
  });
  return {
    madeAsync: madeAsync.map(({ exported: _exported, ...rest }) => rest),
    apiChanges: madeAsync.filter((m) => m.exported).map(({ exported: _exported, ...rest }) => rest),
    diagnostics: attachDiagnostics(mergeDiagnostics(earlierBoundaries, plan.diagnostics.map(toOriginal)), byPath),
    propagateMs: performance.now() - t0,
  };
}

/**
 * Maps a position (and the `file:line:col` mentions in a message) from the text the plan was computed
 * on, the per-file transforms' output, to the original file the user reads. Built before the plan is
 * applied, from each file's original and per-file-transformed texts.
 */
function createOriginalPositions(states: FileState[]) {
  const maps = new Map<string, LineMap>();
  for (const s of states) {
    if (!s.source || s.text === undefined || s.text === s.source.text) continue;
    const map = createLineMap(s.source.text, s.text);
    maps.set(s.absolutePath, map);
    maps.set(s.path, map);
  }
  return <T extends { file: string; line: number; message: string }>(d: T): T => {
    const map = maps.get(d.file);
    return { ...d, line: map ? map(d.line) : d.line, message: mapMentions(d.message, maps) };
  };
}

/** Plan diagnostics about a file of the run go to that file's result; the rest stay project-wide. */
function attachDiagnostics(diagnostics: Diagnostic[], byPath: Map<string, FileState>): Diagnostic[] {
  const projectWide: Diagnostic[] = [];
  for (const d of diagnostics) {
    const state = byPath.get(d.file);
    if (state) state.diagnostics.push({ ...d, file: state.path });
    else projectWide.push(d);
  }
  return projectWide;
}
