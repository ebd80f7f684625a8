/**
 * From the propagation's records to the AsyncPlan, as a recipe of named steps. Do no harm at boundaries:
 * a starting point whose chain reaches a boundary changes nothing (its conversions go into the
 * Boundary so the engine drops them), unless --mark-boundaries asks to convert everything and
 * comment each boundary.
 */
import { findConcurrencyNotes } from '../concurrency-notes';
import { getPlannedRange, getPlannedStart, isAsyncFunction, type FunctionEntity } from '../syntax';
import type { AsyncPlan } from '../types';
import { addBoundaries } from './add-boundaries';
import { addCoYieldUnwraps } from './co-yield-calls';
import { addEntryScripts } from './add-entry-scripts';
import { addFunctions } from './add-functions';
import { findAppliedNodes, findForcedClosure, type PlanNode, type StartClosure } from './applied-nodes';
import { FilePlans, removeEmptyFilePlans } from './file-plans';
import type { PlanInput } from './plan-input';
import { findUnresolvedCallDiagnostics } from './unresolved-calls';

export function buildPlan(input: PlanInput): AsyncPlan {
  const plan: AsyncPlan = { files: {}, boundaries: [], diagnostics: [], madeAsync: [] };
  const files = new FilePlans(plan);
  const closures: StartClosure[] = input.starts.map((start) => ({
    start,
    closure: findForcedClosure(input.propagation, start.entity),
  }));
  const applied = findAppliedNodes(input, closures);
  addFunctions(input, applied, files, plan);
  addUnresolvedCallNotes(input, applied, plan);
  addAwaits(input, applied, files, plan);
  addMovedDefaults(input, applied, files);
  addCallbackRewrites(input, applied, files);
  addBoundaries(input, closures, files, plan);
  for (const file of input.coYieldFiles) addCoYieldUnwraps(file, input.checker, files);
  removeEmptyFilePlans(plan);
  return plan;
}

function getAppliedEntities(input: PlanInput, applied: Set<PlanNode>): FunctionEntity[] {
  return [...input.propagation.entries.keys()].filter((e) => applied.has(e));
}

function addUnresolvedCallNotes(input: PlanInput, applied: Set<PlanNode>, plan: AsyncPlan): void {
  plan.diagnostics.push(...findUnresolvedCallDiagnostics(input.index, getAppliedEntities(input, applied)));
}

/** Calls to await; an entry script's lone `main()` gets `.catch` instead (addEntryScripts). */
function addAwaits(input: PlanInput, applied: Set<PlanNode>, files: FilePlans, plan: AsyncPlan): void {
  const { propagation } = input;
  const entries = propagation.entryCalls.filter((e) => applied.has(e));
  const mainCatchCalls = addEntryScripts(entries, (node) => files.get(node));
  const awaited = propagation.awaits
    .filter((site) => applied.has(site.callee) && !mainCatchCalls.has(site.call))
    .map((site) => site.call);
  for (const call of awaited) files.add(call, 'awaitCalls', getPlannedRange(call));
  const madeAsync = getAppliedEntities(input, applied).filter((e) => !isAsyncFunction(e));
  plan.diagnostics.push(...findConcurrencyNotes(awaited, madeAsync));
}

/** Default parameter values that now await move into the function body. */
function addMovedDefaults(input: PlanInput, applied: Set<PlanNode>, files: FilePlans): void {
  for (const moved of input.propagation.movedDefaults) {
    if (applied.has(moved.callee)) files.add(moved.parameter, 'movedDefaults', getPlannedStart(moved.parameter));
  }
}

/** Array calls whose callback became async: a loop, or Promise.all with --parallel-map. */
function addCallbackRewrites(input: PlanInput, applied: Set<PlanNode>, files: FilePlans): void {
  for (const rewrite of input.propagation.rewrites) {
    if (!applied.has(rewrite.callee)) continue;
    files.add(rewrite.host, 'callbackRewrites', {
      ...getPlannedRange(rewrite.host),
      kind: rewrite.kind,
      ...(rewrite.mapArguments ? { mapArguments: rewrite.mapArguments } : {}),
      ...(rewrite.iterateValues ? { iterateValues: true } : {}),
    });
  }
}
