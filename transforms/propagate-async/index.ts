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
import { analysisDiagnostics } from '../../analysis/diagnostics';
import { hasCoYieldHelper } from '../../core/markers';
import type * as Analysis from '../../analysis/plan-async';
import type { AsyncPlan } from '../../analysis/types';
import { functionNamePath } from '../shared/function-name';
import { toJscodeshift } from '../shared/to-jscodeshift';
import type { ProjectInput, ProjectTransform, TransformContext, TransformMeta } from '../shared/types';
import { applyPlan } from './apply-plan';
import { propagateAsyncOptions, type PropagateAsyncOptions } from './options';
import { getParsedSource } from '../../source/parsed-source';

import { findNodes } from '../../source/tree-walk';

const meta: TransformMeta<typeof propagateAsyncOptions> = {
  name: 'propagate-async',
  description:
    'Awaits calls to newly async functions and makes their callers async, across files, up to the entry points',
  options: propagateAsyncOptions,
  diagnostics: analysisDiagnostics,
};

/**
 * The analysis loads TypeScript (about half a second): a worker thread that runs only per-file transforms never needs
 * it.
 */
function loadAnalysis(): typeof Analysis {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on the first plan, not with the registry
  return require('../../analysis/plan-async') as typeof Analysis;
}

function planAsync(input: ProjectInput, options: PropagateAsyncOptions): AsyncPlan {
  // nothing starts a chain and no co-yield helper awaits a type check: no need for the analysis, nor TypeScript
  const helpers = [...input.sources.values()].some(hasCoYieldHelper);
  if (input.starts.length === 0 && options.async.length === 0 && !helpers) {
    return { files: {}, boundaries: [], diagnostics: [], madeAsync: [] };
  }
  return loadAnalysis().planAsync({ ...input, options });
}

/** Standalone: every async function of the file is a starting point; only this file is analysed. */
function apply(root: Collection, context: TransformContext<PropagateAsyncOptions>): boolean {
  const { j } = context;
  const file = resolve(context.file);
  const starts: AsyncFunction[] = [];
  const source = getParsedSource(root);
  findNodes(root, j.Function, { async: true }).forEach((path) => {
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
