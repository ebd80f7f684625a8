/**
 * Where an `await` put at a node would run: in an enclosing function (which must be able to become
 * async), or at module top level (ES modules only). Answers with the reason when it cannot.
 */
import type { ASTPath, JSCodeshift } from 'jscodeshift';
import { getAsyncBlocker, getEnclosingFunction, markAsync } from './functions';
import type { TransformContext } from './types';

export type AwaitSite = { kind: 'function'; fn: ASTPath } | { kind: 'module' };

export type AwaitSiteResult =
  | { ok: true; site: AwaitSite }
  | { ok: false; code: 'SYNC_CALL_IN_NON_ASYNC_CONTEXT' | 'MODULE_TOP_LEVEL_ASYNC'; reason: string };

/** Class field initialisers and static blocks run outside any function that could become async. */
function findClassInitializer(path: ASTPath, stop: ASTPath | null): string | null {
  let current = path.parent as ASTPath | null;
  while (current && current !== stop) {
    const type = current.node.type;
    if (type === 'ClassProperty' || type === 'ClassPrivateProperty' || (type as string) === 'PropertyDefinition') return 'a class field initialiser cannot await';
    if (type === 'StaticBlock') return 'a class static block cannot await';
    current = current.parent as ASTPath | null;
  }
  return null;
}

export function getAwaitSite(path: ASTPath, isModule: boolean): AwaitSiteResult {
  const fn = getEnclosingFunction(path);
  const classBlocker = findClassInitializer(path, fn);
  if (classBlocker) return { ok: false, code: 'SYNC_CALL_IN_NON_ASYNC_CONTEXT', reason: classBlocker };
  if (!fn) {
    if (isModule) return { ok: true, site: { kind: 'module' } };
    return {
      ok: false,
      code: 'MODULE_TOP_LEVEL_ASYNC',
      reason: 'the top level of a CommonJS module cannot await',
    };
  }
  const blocker = getAsyncBlocker(fn);
  if (blocker) return { ok: false, code: 'SYNC_CALL_IN_NON_ASYNC_CONTEXT', reason: blocker };
  return { ok: true, site: { kind: 'function', fn } };
}

/**
 * Makes the site's function async (module top level needs nothing) and reports it to the engine with
 * the conversion that forced it. `madeAsync` remembers the functions this run made async, so a second
 * conversion in the same function is attached to it while a function that was async before is not
 * reported at all.
 */
export function prepareAwaitSite(
  j: JSCodeshift,
  context: TransformContext,
  site: AwaitSite,
  reason: string,
  conversionId: string,
  madeAsync: Set<unknown>,
): void {
  if (site.kind === 'module') return;
  if (markAsync(j, site.fn)) madeAsync.add(site.fn.node);
  if (madeAsync.has(site.fn.node)) context.reportNewlyAsync(site.fn, reason, [conversionId]);
}
