/**
 * propagate-async: makes the callers of newly async functions await them and become async, up to the
 * entry points, across files (the plan comes from analysis, computed with the type checker).
 *
 *   function total(ids) { return ids.map((id) => price(id)).reduce(sum); }
 *   → async function total(ids) { const idsResults = []; for (const id of ids) { idsResults.push(await price(id)); }
 *                                 return idsResults.reduce(sum); }
 *
 * Refuses (diagnostic, chain left unchanged): constructors, getters and setters, class field
 * initialisers, callbacks of APIs that ignore promises, a library module's top level.
 *
 * `forEach` and `map` whose callback now awaits become `for…of` loops that await each item in turn, as
 * the synchronous calls ran them. Issue 5 named `await Promise.all(arr.map(async cb))` for `map`; that
 * starts every call at once, keeps running the rest after one fails and reorders side effects
 * (semantics.md §7, and a trial user's import that went on writing records after a failure), so a map
 * that cannot become a loop safely (analysis/map-loop.ts) stops the chain with a diagnostic instead,
 * as `filter`, `some`, `every`, `find`, `reduce` and `sort` callbacks do. `--parallel-map` asks for the
 * `Promise.all` form instead, for code where running the calls at once is wanted.
 *
 * Without a plan (plain jscodeshift), it does the same within one file: every async function in the
 * file is a starting point and only callers in the same file are seen.
 */
import type { AsyncFunction } from '../../core/async-function';
import { resolve } from 'node:path';
import type { ASTPath, Collection } from 'jscodeshift';
import type { ExpressionKind } from 'ast-types/lib/gen/kinds';
import { analysisDiagnostics } from '../../analysis/diagnostics';
import type { AsyncPlan, FilePlan } from '../../analysis/types';
import { buildAwait } from '../shared/build-await';
import { functionNamePath } from '../shared/function-name';
import { functionTypes, markAsync } from '../shared/functions';
import { toJscodeshift } from '../shared/to-jscodeshift';
import type { ProjectInput, ProjectTransform, TransformContext, TransformMeta } from '../shared/types';
import { propagateAsyncOptions, type PropagateAsyncOptions } from './options';
import { PlannedNodes } from './find-planned-nodes';
import { getParsedSource } from '../../source/parsed-source';
import { addBoundaryComments } from './boundary-comments';
import { moveDefaultIntoBody } from './move-default-parameters';
import { replaceForEachWithLoop, replaceMapWithLoop, wrapInPromiseAll } from './rewrite-callbacks';
import { getUniqueName } from '../shared/modules';
import { signatureTypes, updateJsDocReturns, wrapReturnType } from './update-signatures';
import { addCatchToMainCall, wrapInMain } from './wrap-entry-script';

const meta: TransformMeta<typeof propagateAsyncOptions> = {
  name: 'propagate-async',
  description:
    'Awaits calls to newly async functions and makes their callers async, across files, up to the entry points',
  options: propagateAsyncOptions,
  diagnostics: analysisDiagnostics,
};

/** The analysis loads TypeScript (about half a second): a worker thread that runs only per-file transforms never needs it. */
function loadAnalysis(): typeof import('../../analysis/plan-async') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on the first plan, not with the registry
  return require('../../analysis/plan-async') as typeof import('../../analysis/plan-async');
}

function planAsync(input: ProjectInput, options: PropagateAsyncOptions): AsyncPlan {
  return loadAnalysis().planAsync({ ...input, options });
}

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

export function applyPlan(root: Collection, context: TransformContext<PropagateAsyncOptions>, plan: FilePlan): boolean {
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
  // innermost first: a map inside another's callback starts after it, so the latest start goes first
  const maps = rewrites
    .filter((r) => r.kind === 'map-loop')
    .sort((a, b) => b.start - a.start)
    .flatMap((r) => nodes.pick(callTypes, [r]).map((path) => ({ path, mapArguments: r.mapArguments })));
  const loops = rewrites
    .filter((r) => r.kind === 'for-of')
    .flatMap((r) => nodes.pick(callTypes, [r]).map((path) => ({ path, iterateValues: r.iterateValues === true })));
  const promiseAllPaths = nodes.pick(
    callTypes,
    rewrites.filter((r) => r.kind === 'promise-all'),
  );
  const parameterPaths = nodes.pick(parameterTypes, movedDefaults);
  const commentTargets = plan.boundaryComments.flatMap((c) =>
    nodes.pick(null, [c]).map((path) => ({ path, text: c.text })),
  );
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
  for (const { path, iterateValues } of loops) changed = replaceForEachWithLoop(j, path, iterateValues) || changed;
  // an outer map's callback then already holds the inner loop when it moves into its own loop
  for (const { path, mapArguments } of maps) {
    changed =
      replaceMapWithLoop(j, path, (base) => getUniqueName(j, root, base), {
        mapArguments,
        isTypeScript: context.isTypeScript,
      }) || changed;
  }
  if (plan.entryScript === 'main') changed = wrapInMain(j, root) || changed;
  if (plan.entryScript === 'main-catch') changed = addCatchToMainCall(j, root) || changed;
  return changed;
}

/** Standalone: every async function of the file is a starting point; only this file is analysed. */
function apply(root: Collection, context: TransformContext<PropagateAsyncOptions>): boolean {
  const { j } = context;
  const file = resolve(context.file);
  const starts: AsyncFunction[] = [];
  const source = getParsedSource(root);
  root.find(j.Function, { async: true }).forEach((path) => {
    const start = source.locate(path.node);
    if (!start) return;
    const { line, column } = start;
    const name = functionNamePath(path as unknown as ASTPath);
    starts.push({ file, name, line, column, reason: 'async in this file', conversions: [], exported: false });
  });
  if (starts.length === 0) return false;
  // alone, only this file's own functions start chains: --async names are for whole-project runs
  const plan = planAsync(
    { cwd: resolve('.'), sources: new Map([[file, source.text]]), starts },
    { ...context.options, async: [] },
  );
  for (const d of plan.diagnostics)
    context.report({ code: d.code, message: d.message, line: d.line, column: d.column });
  const filePlan = plan.files[file];
  return filePlan ? applyPlan(root, context, filePlan) : false;
}

export const propagateAsync: ProjectTransform<typeof propagateAsyncOptions> = {
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
