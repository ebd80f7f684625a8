/** The per-file parts of a plan, as the builder fills them in and the engine receives them. */
import type { ts } from 'ts-morph';
import type { AsyncPlan, FilePlan, PlannedPosition } from '../types';

type PositionList = 'functions' | 'awaitCalls' | 'callbackRewrites' | 'signatures' | 'movedDefaults' | 'coYieldCalls';

/** Per-file plans; a position is listed once even when two callees ask for it. */
export class FilePlans {
  private readonly seen = new Set<string>();
  constructor(private readonly plan: AsyncPlan) {}

  get(node: ts.Node): FilePlan {
    const file = node.getSourceFile().fileName;
    this.plan.files[file] ??= {
      functions: [],
      awaitCalls: [],
      boundaryComments: [],
      callbackRewrites: [],
      signatures: [],
    };
    return this.plan.files[file];
  }

  add<T extends PlannedPosition>(node: ts.Node, list: PositionList, position: T): void {
    const key = `${node.getSourceFile().fileName}|${list}|${position.start}-${position.end}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    const filePlan = this.get(node) as unknown as Record<typeof list, T[] | undefined>;
    (filePlan[list] ??= []).push(position);
  }
}

/** A file the plan does not change is not even parsed again by the engine. */
export function removeEmptyFilePlans(plan: AsyncPlan): void {
  for (const [file, filePlan] of Object.entries(plan.files)) {
    const isEmpty =
      filePlan.functions.length === 0 &&
      filePlan.awaitCalls.length === 0 &&
      filePlan.boundaryComments.length === 0 &&
      (filePlan.callbackRewrites?.length ?? 0) === 0 &&
      (filePlan.signatures?.length ?? 0) === 0 &&
      (filePlan.movedDefaults?.length ?? 0) === 0 &&
      (filePlan.coYieldCalls?.length ?? 0) === 0 &&
      filePlan.coYieldHelper === undefined &&
      filePlan.entryScript === undefined;
    if (isEmpty) delete plan.files[file];
  }
}
