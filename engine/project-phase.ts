/**
 * The project phase: plan over every file after the per-file transforms (through the boundary rounds),
 * then apply each file's part of the plan with the project transform (propagate-async), and report
 * what became async in the positions of the files the user reads.
 */
import { performance } from 'node:perf_hooks';
import { getConversionKey, type AsyncFunction, type ConversionId } from '../core/async-function';
import type { Diagnostic } from '../core/diagnostic';
import type { AnyOptionValues } from '../core/options';
import type { AsyncPlan } from '../analysis/types';
import { createDiagnostic } from '../analysis/diagnostics';
import { findTypeRegressions, type TypeRegression } from '../analysis/type-regressions';
import { editSource } from '../source/edit-source';
import { isTypeScriptFile } from '../source/parsers';
import { createTransformContext, isModuleSource } from '../transforms/shared/context';
import type { ProjectTransform } from '../transforms/shared/types';
import { planThroughBoundaries, type BoundaryRoundsInput } from './boundary-rounds';
import type { FileState } from './file-state';
import { createOriginalPositions, type ToOriginal } from './original-positions';

export interface ProjectPhaseOutcome {
  /** Relative paths, original positions. */
  madeAsync: AsyncFunction[];
  /** Diagnostics about no file of the run. */
  diagnostics: Diagnostic[];
  propagateMs: number;
  /** The type check of the changed TypeScript files (both programs, every round). */
  verifyMs: number;
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

function applyFilePlans(
  states: FileState[],
  project: ProjectTransform,
  options: AnyOptionValues,
  plan: AsyncPlan,
  toOriginal: ToOriginal,
): void {
  const byPath = new Map(states.map((s) => [s.absolutePath, s]));
  for (const [file, filePlan] of Object.entries(plan.files)) {
    const state = byPath.get(file);
    if (!state || state.text === undefined || state.failure) continue;
    try {
      const edited = editSource(
        state.path,
        state.text,
        ({ j, root }) => {
          const { context, collected } = createTransformContext({
            j,
            root,
            file: state.path,
            absolutePath: state.absolutePath,
            transform: project,
            isModule: isModuleSource(j, root, state.path),
            isTypeScript: isTypeScriptFile(state.path),
            nodeEngines: null,
            options,
          });
          const changed = project.applyPlan(root, context, filePlan);
          state.diagnostics.push(...collected.diagnostics.map(toOriginal));
          return changed;
        },
        () => `transform produced invalid code (${project.meta.name})`,
      );
      state.parses += 1;
      if (!edited.changed) continue;
      state.text = edited.text;
      state.changedBy.push(project.meta.name);
    } catch (error) {
      const e = error as { message?: string; line?: number; column?: number };
      state.failure = { message: e.message ?? String(error), line: e.line, column: e.column };
    }
  }
}

/** Plan diagnostics about a file of the run go to that file's result; the rest stay project-wide. */
function attachDiagnostics(diagnostics: Diagnostic[], states: FileState[]): Diagnostic[] {
  const byPath = new Map(states.map((s) => [s.absolutePath, s]));
  const projectWide: Diagnostic[] = [];
  for (const d of diagnostics) {
    const state = byPath.get(d.file);
    if (state) state.diagnostics.push({ ...d, file: state.path });
    else projectWide.push(d);
  }
  return projectWide;
}

/** A file's state before the plan is applied, to go back to when the type check backs conversions out. */
type Snapshot = { state: FileState; text?: string; changedBy: string[]; diagnostics: Diagnostic[] };

function takeSnapshot(states: FileState[]): Snapshot[] {
  return states.map((state) => ({
    state,
    text: state.text,
    changedBy: [...state.changedBy],
    diagnostics: [...state.diagnostics],
  }));
}

function restoreSnapshot(snapshot: Snapshot[]): void {
  for (const { state, text, changedBy, diagnostics } of snapshot) {
    state.text = text;
    state.changedBy = changedBy;
    state.diagnostics = diagnostics;
  }
}

/** Verification rounds: each backs out at least one conversion, so few are ever needed. */
const MAX_VERIFY_ROUNDS = 4;

export function runProjectPhase(input: BoundaryRoundsInput, verify = true): ProjectPhaseOutcome {
  const skipped = new Map<string, ConversionId>();
  const backedOut: Diagnostic[] = [];
  let verifyMs = 0;
  for (let round = 1; ; round += 1) {
    const snapshot = takeSnapshot(input.states);
    const outcome = planAndApply(input, skipped);
    outcome.verifyMs = verifyMs;
    if (!verify || round >= MAX_VERIFY_ROUNDS) return withBackedOut(outcome, backedOut, input.states);
    const t0 = performance.now();
    const check = checkTypes(input.states, outcome.plan, skipped);
    verifyMs += performance.now() - t0;
    outcome.verifyMs = verifyMs;
    if (check.regressions.length === 0) return withBackedOut(outcome, backedOut, input.states);
    if (check.fresh.length === 0) {
      // nothing left to back out (a user's --async start): the error is said, the change kept
      return withBackedOut(
        outcome,
        [...backedOut, ...check.regressions.map((r) => toDiagnostic(r, false))],
        input.states,
      );
    }
    backedOut.push(...check.regressions.map((r) => toDiagnostic(locateInOriginal(r, check.fresh, input.states), true)));
    restoreSnapshot(snapshot);
    for (const id of check.fresh) skipped.set(getConversionKey(id), id);
    for (const file of new Set(check.fresh.map((id) => id.file))) {
      const state = input.states.find((s) => s.absolutePath === file);
      const keys = [...skipped.values()].filter((id) => id.file === file).map(getConversionKey);
      if (state) input.rerunFile(state, new Set(keys));
    }
  }
}

interface Applied extends ProjectPhaseOutcome {
  plan: AsyncPlan;
}

function planAndApply(input: BoundaryRoundsInput, skipped: Map<string, ConversionId>): Applied {
  const { plan, earlierBoundaries } = planThroughBoundaries(input, skipped);
  const t0 = performance.now();
  // positions of the plan are in the texts it was computed on: map them before the plan changes them
  const toOriginal = createOriginalPositions(input.states);
  applyFilePlans(input.states, input.project, input.options, plan, toOriginal);
  const pathOf = new Map(input.states.map((s) => [s.absolutePath, s.path]));
  const madeAsync = plan.madeAsync.map((m) => {
    const { line, message } = toOriginal({ file: m.file, line: m.line, message: m.reason });
    return { ...m, file: pathOf.get(m.file) ?? m.file, line, reason: message };
  });
  const diagnostics = mergeDiagnostics(earlierBoundaries, plan.diagnostics.map(toOriginal));
  return { plan, madeAsync, diagnostics, propagateMs: performance.now() - t0, verifyMs: 0 };
}

/** The new type errors of the migrated files, and the conversions behind them not yet left out. */
function checkTypes(
  states: FileState[],
  plan: AsyncPlan,
  skipped: Map<string, ConversionId>,
): { regressions: TypeRegression[]; fresh: ConversionId[] } {
  const before = new Map<string, string>();
  const after = new Map<string, string>();
  for (const state of states) {
    if (state.source === undefined || state.text === undefined || state.failure) continue;
    before.set(state.absolutePath, state.source.text);
    after.set(state.absolutePath, state.text);
  }
  const regressions = findTypeRegressions(before, after);
  const made = [...states.flatMap((s) => s.madeAsync), ...plan.madeAsync];
  const behind = regressions.flatMap((r) => {
    const own = findConversionsBehind(r, made);
    if (own.length > 0) return own;
    // an error in a file the run did not change: the conversions of the changed files it imports
    return made.filter((m) => r.changedImports.includes(m.file)).flatMap((m) => m.conversions);
  });
  const fresh = new Map(
    behind.filter((id) => !skipped.has(getConversionKey(id))).map((id) => [getConversionKey(id), id]),
  );
  return { regressions, fresh: [...fresh.values()] };
}

/**
 * In a file the migration changed, the error's position is in text about to be backed out: the
 * diagnostic points at the file's first conversion behind it (in the file as it stays), and the message
 * keeps the line. In a file the run left alone (a caller of a changed one) the position is right as it is.
 */
function locateInOriginal(regression: TypeRegression, fresh: ConversionId[], states: FileState[]): TypeRegression {
  const state = states.find((s) => s.absolutePath === regression.file);
  if (!state?.source || state.source.text === state.text) return regression;
  const message = `${regression.message}, at ${regression.line}:${regression.column} of the migrated file`;
  const starts = fresh.filter((id) => id.file === regression.file).map((id) => id.start);
  if (starts.length === 0) return { ...regression, message };
  const before = state.source.text.slice(0, Math.min(...starts)).split('\n');
  return { ...regression, line: before.length, column: before[before.length - 1].length + 1, message };
}

/**
 * The conversions of the innermost function around the error that a starting point made async; when
 * none is, every conversion of the file's functions (the error may come from a changed import).
 */
function findConversionsBehind(regression: TypeRegression, made: AsyncFunction[]): ConversionId[] {
  const inFile = made.filter((m) => m.file === regression.file);
  for (const name of regression.functions) {
    const own = inFile.filter((m) => m.name === name).flatMap((m) => m.conversions);
    if (own.length > 0) return own;
  }
  return inFile.flatMap((m) => m.conversions);
}

function toDiagnostic(regression: TypeRegression, backedOut: boolean): Diagnostic {
  const what = backedOut
    ? 'the conversions behind it were backed out, and this file is left as it was'
    : 'no conversion behind it could be backed out (a function named with --async?): fix it by hand';
  return createDiagnostic(
    'TYPE_CHECK_REGRESSION',
    `the migration gave this TypeScript a type error it did not have (${regression.message}); ${what}. ` +
      'Rerun with --no-verify to see the change anyway.',
    regression,
  );
}

function withBackedOut(outcome: Applied, backedOut: Diagnostic[], states: FileState[]): ProjectPhaseOutcome {
  const diagnostics = [...backedOut, ...outcome.diagnostics];
  return {
    madeAsync: outcome.madeAsync,
    diagnostics: attachDiagnostics(diagnostics, states),
    propagateMs: outcome.propagateMs,
    verifyMs: outcome.verifyMs,
  };
}
