/**
 * The boundary rounds, one explicit loop: plan over the run's current texts; when a chain reaches a
 * boundary, the per-file conversions that started it are left out (their files re-run without them)
 * and the project is planned again, until a plan asks to leave out nothing new. The set of left-out
 * conversions only grows and is finite, so the loop ends.
 */
import { getConversionKey, type ConversionId } from '../core/async-function';
import type { Diagnostic } from '../core/diagnostic';
import type { AnyOptionValues } from '../core/options';
import type { AsyncPlan } from '../analysis/types';
import type { ProjectTransform } from '../transforms/shared/types';
import type { FileState } from './file-state';
import { createOriginalPositions, type ToOriginal } from './original-positions';

export interface BoundaryRoundsInput {
  states: FileState[];
  cwd: string;
  project: ProjectTransform;
  /** The project transform's options, normalised. */
  options: AnyOptionValues;
  /** Re-runs the per-file transforms on a file's original text, leaving out `skipped` conversions (keys). */
  rerunFile(state: FileState, skipped: ReadonlySet<string>): void;
}

export interface PlannedProject {
  plan: AsyncPlan;
  /**
   * Boundary diagnostics of earlier rounds, already in original positions: the round that drops a
   * chain's conversions is the last to see the chain, so later plans do not report it again.
   */
  earlierBoundaries: Diagnostic[];
}

function planOnce(input: BoundaryRoundsInput): AsyncPlan {
  const sources = new Map<string, string>();
  for (const s of input.states) if (s.text !== undefined && !s.failure) sources.set(s.absolutePath, s.text);
  const starts = input.states.flatMap((s) => s.madeAsync);
  return input.project.planAsync({ cwd: input.cwd, sources, starts }, input.options);
}

/** Each file whose conversions a boundary leaves out remembers that boundary, to say why its primitive stays. */
function noteLeftOut(states: FileState[], plan: AsyncPlan, toOriginal: ToOriginal): void {
  const byPath = new Map(states.map((s) => [s.absolutePath, s]));
  for (const boundary of plan.boundaries) {
    if (!boundary.diagnostic) continue;
    const located = toOriginal(boundary.diagnostic);
    const diagnostic = { ...located, file: byPath.get(located.file)?.path ?? located.file };
    for (const file of new Set(boundary.skip.map((id) => id.file))) byPath.get(file)?.leftOutFor.push(diagnostic);
  }
}

/**
 * `skipped`: conversions left out so far, by key; it grows here, and the type check (project-phase.ts)
 * may add to it before planning again.
 */
export function planThroughBoundaries(
  input: BoundaryRoundsInput,
  skipped: Map<string, ConversionId> = new Map(),
): PlannedProject {
  const earlierBoundaries: Diagnostic[] = [];
  for (;;) {
    const plan = planOnce(input);
    const fresh = plan.boundaries.flatMap((b) => b.skip).filter((id) => !skipped.has(getConversionKey(id)));
    if (fresh.length === 0) return { plan, earlierBoundaries };
    const toOriginal = createOriginalPositions(input.states);
    for (const b of plan.boundaries) if (b.diagnostic) earlierBoundaries.push(toOriginal(b.diagnostic));
    noteLeftOut(input.states, plan, toOriginal);
    for (const id of fresh) skipped.set(getConversionKey(id), id);
    const rerun = new Set(fresh.map((id) => id.file));
    for (const state of input.states) {
      if (!rerun.has(state.absolutePath)) continue;
      const keys = [...skipped.values()].filter((id) => id.file === state.absolutePath).map(getConversionKey);
      input.rerunFile(state, new Set(keys));
    }
  }
}
