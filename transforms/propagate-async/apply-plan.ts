/**
 * Applies one file's part of the plan, as a recipe: find every planned node in one walk, then comment
 * boundaries, mark functions async, change signatures, wrap maps in Promise.all, await calls, move
 * defaults into bodies, turn forEach and map into loops (inner maps first), wrap an entry script, and
 * unwrap co-yield calls whose value is a promise (dropping the helper when none is left).
 */
import type { ExpressionKind } from 'ast-types/lib/gen/kinds';
import type { ASTPath, Collection, JSCodeshift } from 'jscodeshift';
import type { CoYieldForm, FilePlan } from '../../analysis/types';
import { buildAwait } from '../shared/build-await';
import { functionTypes, markAsync } from '../shared/functions';
import { getUniqueName } from '../shared/modules';
import type { TransformContext } from '../shared/types';
import { addBoundaryComments } from './boundary-comments';
import { removeCoYieldHelper, unwrapCoYieldCall } from './unwrap-co-yields';
import { PlannedNodes } from './find-planned-nodes';
import { moveDefaultIntoBody } from './move-default-parameters';
import { replaceForEachWithLoop, replaceMapWithLoop, wrapInPromiseAll } from './rewrite-callbacks';
import { signatureTypes, updateJsDocReturns, wrapReturnType } from './update-signatures';
import { addCatchToMainCall, wrapInMain } from './wrap-entry-script';

const callTypes = new Set(['CallExpression', 'OptionalCallExpression']);
const parameterTypes = new Set(['AssignmentPattern']);
const helperTypes = new Set(['FunctionDeclaration']);

interface PlannedPaths {
  functions: ASTPath[];
  signatures: ASTPath[];
  awaits: ASTPath[];
  maps: { path: ASTPath; mapArguments?: number }[];
  loops: { path: ASTPath; iterateValues: boolean }[];
  promiseAlls: ASTPath[];
  parameters: ASTPath[];
  comments: { path: ASTPath; text: string }[];
  coYieldCalls: { path: ASTPath; form: CoYieldForm }[];
  coYieldHelper: ASTPath | undefined;
}

function findPlannedPaths(j: JSCodeshift, root: Collection, plan: FilePlan): PlannedPaths {
  const rewrites = plan.callbackRewrites ?? [];
  const signatures = plan.signatures ?? [];
  const movedDefaults = plan.movedDefaults ?? [];
  const coYieldCalls = plan.coYieldCalls ?? [];
  const coYieldHelper = plan.coYieldHelper ? [plan.coYieldHelper] : [];
  const all = [
    ...coYieldCalls,
    ...coYieldHelper,
    ...plan.functions,
    ...signatures,
    ...plan.awaitCalls,
    ...rewrites,
    ...movedDefaults,
    ...plan.boundaryComments,
  ];
  const nodes = new PlannedNodes(j, root, all);
  const ofKind = (kind: string) => rewrites.filter((r) => r.kind === kind);
  return {
    functions: nodes.pick(functionTypes, plan.functions),
    signatures: nodes.pick(signatureTypes, signatures),
    awaits: nodes.pick(callTypes, plan.awaitCalls),
    // innermost first: a map inside another's callback starts after it, so the latest start goes first
    maps: ofKind('map-loop')
      .sort((a, b) => b.start - a.start)
      .flatMap((r) => nodes.pick(callTypes, [r]).map((path) => ({ path, mapArguments: r.mapArguments }))),
    loops: ofKind('for-of').flatMap((r) =>
      nodes.pick(callTypes, [r]).map((path) => ({ path, iterateValues: r.iterateValues === true })),
    ),
    promiseAlls: nodes.pick(callTypes, ofKind('promise-all')),
    parameters: nodes.pick(parameterTypes, movedDefaults),
    comments: plan.boundaryComments.flatMap((c) => nodes.pick(null, [c]).map((path) => ({ path, text: c.text }))),
    coYieldCalls: coYieldCalls.flatMap((c) => nodes.pick(callTypes, [c]).map((path) => ({ path, form: c.form }))),
    coYieldHelper: nodes.pick(helperTypes, coYieldHelper)[0],
  };
}

function isAlreadyAwaited(path: ASTPath): boolean {
  if (path.node.type === 'AwaitExpression') return true;
  let parent = path.parent as ASTPath | null;
  while (parent && (parent.node.type === 'ParenthesizedExpression' || parent.node.type === 'TSNonNullExpression')) {
    parent = parent.parent as ASTPath | null;
  }
  return parent?.node.type === 'AwaitExpression';
}

function markFunctionsAsync(j: JSCodeshift, functions: ASTPath[], isTypeScript: boolean): boolean {
  let changed = false;
  for (const fn of functions) {
    if (!markAsync(j, fn)) continue;
    changed = true;
    if (!isTypeScript) updateJsDocReturns(fn);
  }
  return changed;
}

function awaitCalls(j: JSCodeshift, calls: ASTPath[]): boolean {
  const pending = calls.filter((path) => !isAlreadyAwaited(path));
  for (const path of pending) path.replace(buildAwait(j, path.node as ExpressionKind));
  return pending.length > 0;
}

/** Runs every step (none is skipped once one changed something); true when any changed the tree. */
function runSteps(steps: readonly (() => boolean)[]): boolean {
  return steps.map((step) => step()).some(Boolean);
}

export function applyPlan(root: Collection, context: TransformContext, plan: FilePlan): boolean {
  const { j, isTypeScript } = context;
  const paths = findPlannedPaths(j, root, plan);
  const uniqueName = (base: string) => getUniqueName(j, root, base);
  return runSteps([
    () => addBoundaryComments(j, paths.comments),
    () => markFunctionsAsync(j, paths.functions, isTypeScript),
    () => paths.signatures.map((signature) => wrapReturnType(j, signature)).some(Boolean),
    () => paths.promiseAlls.map((path) => wrapInPromiseAll(j, path)).length > 0,
    () => awaitCalls(j, paths.awaits),
    () => paths.parameters.map((path) => moveDefaultIntoBody(j, path)).some(Boolean),
    () => paths.loops.map(({ path, iterateValues }) => replaceForEachWithLoop(j, path, iterateValues)).some(Boolean),
    // an outer map's callback then already holds the inner loop when it moves into its own loop
    () =>
      paths.maps
        .map(({ path, mapArguments }) => replaceMapWithLoop(j, path, uniqueName, { mapArguments, isTypeScript }))
        .some(Boolean),
    () => (plan.entryScript === 'main' ? wrapInMain(j, root) : false),
    () => (plan.entryScript === 'main-catch' ? addCatchToMainCall(j, root) : false),
    // last: the steps above may rewrite nodes inside a call's argument, which stays the same node
    () => paths.coYieldCalls.map(({ path, form }) => unwrapCoYieldCall(j, path, form)).some(Boolean),
    () => removeCoYieldHelper(paths.coYieldHelper),
  ]);
}
