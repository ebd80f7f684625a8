/**
 * propagate-async: makes the callers of newly async functions await them and become async, up to the
 * entry points, across files (the plan comes from lib/analysis, computed with the type checker).
 *
 *   function total(ids) { return ids.map((id) => price(id)).reduce(sum); }
 *   → async function total(ids) { return (await Promise.all(ids.map(async (id) => price(id)))).reduce(sum); }
 *
 * Refuses (diagnostic, chain left unchanged): constructors, getters and setters, class field
 * initialisers, callbacks of APIs that ignore promises, a library module's top level.
 *
 * `arr.map(cb)` becomes `await Promise.all(arr.map(async cb))`, as the issue asks: the calls now run
 * concurrently (semantics.md §7 notes the order of their side effects and first-rejection errors can
 * differ). `forEach` becomes a `for…of` loop, which keeps the order; `filter`, `some`, `every`, `find`,
 * `reduce` and `sort` callbacks stop the chain with a diagnostic (rewrite them as loops by hand).
 *
 * Without a plan (plain jscodeshift), it does the same within one file: every async function in the
 * file is a starting point and only callers in the same file are seen.
 */
import { resolve } from 'node:path';
import type { ASTPath, Collection } from 'jscodeshift';
import type { ExpressionKind } from 'ast-types/lib/gen/kinds';
import { planAsync } from '../lib/analysis/plan-async';
import type { FilePlan } from '../lib/analysis/types';
import { buildAwait } from './shared/build-await';
import { functionNamePath } from './shared/function-name';
import { functionTypes, markAsync } from './shared/functions';
import { toJscodeshift } from './shared/to-jscodeshift';
import type { NewlyAsync, ProjectTransform, TransformContext, TransformMeta } from './shared/types';
import { PlannedNodes } from './propagate-async/find-planned-nodes';
import { addBoundaryComments } from './propagate-async/boundary-comments';
import { moveDefaultIntoBody } from './propagate-async/move-default-parameters';
import { replaceForEachWithLoop, wrapInPromiseAll } from './propagate-async/rewrite-callbacks';
import { signatureTypes, updateJsDocReturns, wrapReturnType } from './propagate-async/update-signatures';
import { addCatchToMainCall, wrapInMain } from './propagate-async/wrap-entry-script';

const meta: TransformMeta = {
  name: 'propagate-async',
  description: 'Awaits calls to newly async functions and makes their callers async, across files, up to the entry points',
  diagnostics: {
    ASYNC_BOUNDARY:
      'A chain of callers reached a context that cannot be async (constructor, getter, setter, class field, callback of an API that ignores promises, library top level); the chain was left unchanged unless --mark-boundaries',
    ASYNC_UNRESOLVED_CALL:
      'A method call on a value of unknown type shares its name with a method that became async; it may need an await',
    ASYNC_TYPE_NOT_UPDATED: 'A named function type describes a function made async; its return type needs a Promise by hand',
    ASYNC_ANALYSIS_FAILED: 'The project analysis failed; every conversion that needed its callers updated was left out',
    ASYNC_NAME_NOT_FOUND: '--async named a function that the file does not declare',
  },
};

const callTypes = new Set(['CallExpression', 'OptionalCallExpression']);
const parameterTypes = new Set(['AssignmentPattern']);

function isAlreadyAwaited(path: ASTPath): boolean {
  if (path.node.type === 'AwaitExpression') return true;
  let parent = path.parent as ASTPath | null;
  while (parent && (parent.node.type === 'ParenthesizedExpression' || parent.node.type === 'TSNonNullExpression')) {
    parent = parent.parent as ASTPath | null;
  }
  return parent?.node.type === 'AwaitExpression';
}

export function applyPlan(root: Collection, context: TransformContext, plan: FilePlan): boolean {
  const { j } = context;
  const rewrites = plan.callbackRewrites ?? [];
  const signaturePositions = plan.signatures ?? [];
  const movedDefaults = plan.movedDefaults ?? [];
  const nodes = new PlannedNodes(j, root, [
    ...plan.functions,
    ...signaturePositions,
    ...plan.awaitCalls,
    ...rewrites,
    ...movedDefaults,
    ...plan.boundaryComments,
  ]);
  const functions = nodes.pick(functionTypes, plan.functions);
  const signatures = nodes.pick(signatureTypes, signaturePositions);
  const awaitPaths = nodes.pick(callTypes, plan.awaitCalls);
  const promiseAllPaths = nodes.pick(callTypes, rewrites.filter((r) => r.kind === 'promise-all'));
  const loopPaths = nodes.pick(callTypes, rewrites.filter((r) => r.kind === 'for-of'));
  const parameterPaths = nodes.pick(parameterTypes, movedDefaults);
  const commentTargets = plan.boundaryComments.flatMap((c) => nodes.pick(null, [c]).map((path) => ({ path, text: c.text })));
  let changed = addBoundaryComments(j, commentTargets);
  for (const fn of functions) {
    if (markAsync(j, fn)) {
      changed = true;
      if (!context.isTypeScript) updateJsDocReturns(fn);
    }
  }
  for (const signature of signatures) changed = wrapReturnType(j, signature) || changed;
  for (const path of promiseAllPaths) {
    wrapInPromiseAll(j, path);
    changed = true;
  }
  for (const path of awaitPaths) {
    if (isAlreadyAwaited(path)) continue;
    path.replace(buildAwait(j, path.node as ExpressionKind));
    changed = true;
  }
  for (const path of parameterPaths) changed = moveDefaultIntoBody(j, path) || changed;
  for (const path of loopPaths) changed = replaceForEachWithLoop(j, path) || changed;
  if (plan.entryScript === 'main') changed = wrapInMain(j, root) || changed;
  if (plan.entryScript === 'main-catch') changed = addCatchToMainCall(j, root) || changed;
  return changed;
}

/** Standalone: every async function of the file is a starting point; only this file is analysed. */
function apply(root: Collection, context: TransformContext): boolean {
  const { j } = context;
  const file = resolve(context.file);
  const starts: NewlyAsync[] = [];
  root.find(j.Function, { async: true }).forEach((path) => {
    const start = (path.node as { loc?: { start: { line: number; column: number } } | null }).loc?.start;
    if (!start) return;
    starts.push({ file, name: functionNamePath(path as unknown as ASTPath), line: start.line, column: start.column + 1, reason: 'async in this file', conversionIds: [] });
  });
  if (starts.length === 0) return false;
  const plan = planAsync({
    cwd: resolve('.'),
    sources: new Map([[file, root.toSource()]]),
    starts,
    userStarts: [],
    markBoundaries: context.options.markBoundaries,
  });
  for (const d of plan.diagnostics) context.report({ code: d.code, severity: d.severity, message: d.message, line: d.line, column: d.column });
  const filePlan = plan.files[file];
  return filePlan ? applyPlan(root, context, filePlan) : false;
}

export const propagateAsync: ProjectTransform = {
  meta,
  // The engine does not consult this (the plan decides which files change). Alone, the starting
  // points are the file's async functions, so a file without `async` has none: plain jscodeshift
  // then need not parse every file of a repository.
  prefilter: (source) => /\basync\b/.test(source),
  apply,
  planAsync,
  applyPlan,
};

export default toJscodeshift(propagateAsync);
