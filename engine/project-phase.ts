/**
 * The project phase: plan over every file after the per-file transforms (through the boundary rounds),
 * then apply each file's part of the plan with the project transform (propagate-async), and report
 * what became async in the positions of the files the user reads.
 */
import { performance } from 'node:perf_hooks';
import type { AsyncFunction } from '../core/async-function';
import type { Diagnostic } from '../core/diagnostic';
import type { AnyOptionValues } from '../core/options';
import type { AsyncPlan } from '../analysis/types';
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

export function runProjectPhase(input: BoundaryRoundsInput): ProjectPhaseOutcome {
  const { plan, earlierBoundaries } = planThroughBoundaries(input);
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
  return { madeAsync, diagnostics: attachDiagnostics(diagnostics, input.states), propagateMs: performance.now() - t0 };
}
