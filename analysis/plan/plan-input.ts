/** What the plan builder's steps read: the propagation's records and the starting points. */
import type { ts } from 'ts-morph';
import type { ConversionId } from '../../core/async-function';
import type { CallIndex } from '../call-index';
import type { Propagation } from '../propagate';
import type { FunctionEntity } from '../syntax';

export interface StartRecord {
  entity: FunctionEntity;
  conversions: ConversionId[];
  reason: string;
  byUser: boolean;
}

export interface PlanInput {
  propagation: Propagation;
  index: CallIndex;
  starts: StartRecord[];
  checker: ts.TypeChecker;
  /** Files holding unwrap-runners' co-yield helper (co-yield-calls.ts). */
  coYieldFiles: ts.SourceFile[];
  markBoundaries: boolean;
  cwd: string;
}
