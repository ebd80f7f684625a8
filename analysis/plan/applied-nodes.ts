/**
 * Which parts of the propagation a plan applies. A starting point forces its callers (and they theirs)
 * to change; a start whose forced closure reaches a boundary changes nothing, unless --mark-boundaries
 * asks to convert through boundaries and comment them.
 */
import type { Propagation } from '../propagate';
import type { BoundaryRecord, EntryRecord } from '../propagation-records';
import type { FunctionEntity } from '../syntax';
import type { PlanInput, StartRecord } from './plan-input';

/** What a change can force: a function, a boundary it reaches, an entry script's top-level call. */
export type PlanNode = FunctionEntity | BoundaryRecord | EntryRecord;

export interface StartClosure {
  start: StartRecord;
  closure: Set<PlanNode>;
}

export function findForcedClosure(propagation: Propagation, start: FunctionEntity): Set<PlanNode> {
  const seen = new Set<PlanNode>([start]);
  const queue: PlanNode[] = [start];
  while (queue.length > 0) {
    const current = queue.pop() as PlanNode;
    for (const next of propagation.forces.get(current) ?? []) {
      if (!seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  return seen;
}

/** Starting points whose chain reaches no boundary change; with --mark-boundaries, all of them. */
export function findAppliedNodes(input: PlanInput, closures: readonly StartClosure[]): Set<PlanNode> {
  const boundarySet = new Set<PlanNode>(input.propagation.boundaries);
  const applied = new Set<PlanNode>();
  for (const { closure } of closures) {
    const reachesBoundary = [...closure].some((node) => boundarySet.has(node));
    if (reachesBoundary && !input.markBoundaries) continue;
    closure.forEach((node) => applied.add(node));
  }
  return applied;
}
