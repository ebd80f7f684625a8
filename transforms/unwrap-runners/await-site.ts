/**
 * Where a runner becomes an `await`: the enclosing function turns async (and is reported to
 * propagate-async), an ES module's top level takes a top-level await, and places that cannot await
 * (CommonJS top level, constructors, getters, generators used as iterators) get a diagnostic instead.
 */
import type { ASTPath } from 'jscodeshift';
import { getAsyncBlocker, getEnclosingFunction, markAsync } from '../shared/functions';
import type { TransformContext } from '../shared/types';

/** The function that will hold the await, or `null` for an ES module's top level. */
export interface AwaitTarget {
  fn: ASTPath | null;
}

/**
 * Whether an await can go at `path`; reports why not (once, at `path`) and returns null otherwise.
 * `what` names the runner for the message (`deasync.sleep`).
 */
export function getAwaitTarget(path: ASTPath, context: TransformContext, what: string): AwaitTarget | null {
  const fn = getEnclosingFunction(path);
  if (!fn) {
    if (context.isModule) return { fn: null };
    context.report({
      code: 'MODULE_TOP_LEVEL_ASYNC',
      node: path,
      message: `${what} runs at the top level of a CommonJS module, where await is not allowed; move it into an async function (or convert the file to an ES module) and migrate it there`,
    });
    return null;
  }
  const blocker = getAsyncBlocker(fn);
  if (blocker && !(fn.node as { async?: boolean }).async) {
    context.report({
      code: 'SYNC_CALL_IN_NON_ASYNC_CONTEXT',
      node: path,
      message: `${what} cannot become an await here: ${blocker}; left unchanged`,
    });
    return null;
  }
  return { fn };
}

/**
 * Makes the target function async and reports it as newly async with the conversion that forced it.
 * A function that was async before this transform touched it is not reported.
 */
export function commitAwait(context: TransformContext, target: AwaitTarget, conversionId: string, reason: string, madeAsync: Set<unknown>): void {
  if (!target.fn) return;
  if (markAsync(context.j, target.fn)) madeAsync.add(target.fn.node);
  if (madeAsync.has(target.fn.node)) context.reportNewlyAsync(target.fn, reason, [conversionId]);
}
