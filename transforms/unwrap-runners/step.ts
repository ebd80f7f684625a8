/** What every step of unwrap-runners receives; a step returns true when it changed the AST. */
import type { Collection, JSCodeshift } from 'jscodeshift';
import type { TransformContext } from '../shared/types';
import type { UnwrapRunnersOptions } from './options';
import type { ModuleRefs } from './runner-modules';

export interface StepInput {
  j: JSCodeshift;
  root: Collection;
  context: TransformContext<UnwrapRunnersOptions>;
  refs: ModuleRefs;
  /** Function nodes this run made async (so each later await in them is reported with its id). */
  madeAsync: Set<unknown>;
  /**
   * Callee identifiers of converted `deasync.sleep` calls; named once the runner imports are gone, so
   * `const { sleep } = require('deasync')` does not push the new import to `sleep2`.
   */
  sleepCallees: { name: string }[];
}

export type Step = (input: StepInput) => boolean;
