/**
 * Where an `await` put at a node would run: in an enclosing function (which must be able to become
 * async), or at an ES module's top level. Class field initialisers, static blocks, constructors,
 * getters, setters, generators and a CommonJS module's top level cannot await; every transform asks
 * here, so they all refuse the same places for the same reasons.
 */
import type { ASTPath } from 'jscodeshift';
import type { ConversionId } from '../../core/async-function';
import type { DiagnosticSpecs } from '../../core/diagnostic';
import { getAsyncBlocker, getEnclosingFunction, markAsync } from './functions';
import type { TransformContext } from './types';

export const awaitSiteDiagnostics = {
  MODULE_TOP_LEVEL_ASYNC: {
    severity: 'warning',
    summary:
      'The conversion would put an await at the top level of a CommonJS module, which cannot await: left as it was.',
  },
  SYNC_CALL_IN_NON_ASYNC_CONTEXT: {
    severity: 'warning',
    summary:
      'The conversion sits in a constructor, getter, setter, generator, class field or static block, which cannot ' +
      'await: left as it was.',
  },
} satisfies DiagnosticSpecs;

type AwaitSiteCode = keyof typeof awaitSiteDiagnostics;

export type AwaitSite = { kind: 'function'; fn: ASTPath } | { kind: 'module' };

export type AwaitSiteResult = { ok: true; site: AwaitSite } | { ok: false; code: AwaitSiteCode; reason: string };

/** Class field initialisers and static blocks run outside any function that could become async. */
function findClassInitializer(path: ASTPath, stop: ASTPath | null): string | null {
  let current = path.parent as ASTPath | null;
  while (current && current !== stop) {
    const type = current.node.type as string;
    if (type === 'ClassProperty' || type === 'ClassPrivateProperty' || type === 'PropertyDefinition') {
      return 'a class field initialiser cannot await';
    }
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
    return { ok: false, code: 'MODULE_TOP_LEVEL_ASYNC', reason: 'the top level of a CommonJS module cannot await' };
  }
  const blocker = getAsyncBlocker(fn);
  if (blocker) return { ok: false, code: 'SYNC_CALL_IN_NON_ASYNC_CONTEXT', reason: blocker };
  return { ok: true, site: { kind: 'function', fn } };
}

/**
 * The await site for `path`, or null after reporting (once, at `path`) why `what` cannot become an
 * await there (`what` names it for the message: `deasync.sleep`).
 */
export function findAwaitSite(path: ASTPath, context: TransformContext, what: string): AwaitSite | null {
  const result = getAwaitSite(path, context.isModule);
  if (result.ok) return result.site;
  const message =
    result.code === 'MODULE_TOP_LEVEL_ASYNC'
      ? `${what} runs at the top level of a CommonJS module, where await is not allowed; move it into an async ` +
        `function ` +
        '(or convert the file to an ES module) and migrate it there'
      : `${what} cannot become an await here: ${result.reason}; left unchanged`;
  context.report({ code: result.code, node: path, message });
  return null;
}

/**
 * Makes the site's function async (module top level needs nothing) and reports it to the engine with
 * the conversion that forced it. `madeAsync` remembers the functions this run made async, so a second
 * conversion in the same function is attached to it while a function that was async before is not
 * reported at all.
 */
export function prepareAwaitSite(
  context: TransformContext,
  site: AwaitSite,
  reason: string,
  conversionId: ConversionId,
  madeAsync: Set<unknown>,
): void {
  if (site.kind === 'module') return;
  if (markAsync(context.j, site.fn)) madeAsync.add(site.fn.node);
  if (madeAsync.has(site.fn.node)) context.reportMadeAsync(site.fn, reason, [conversionId]);
}
