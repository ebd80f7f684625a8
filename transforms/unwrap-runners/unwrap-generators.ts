/**
 * Step: generators driven by co or Bluebird.coroutine become async functions.
 *   co(function* () { const a = yield load(); … })   →  (async () => { const a = await load(); … })()
 *   const f = co.wrap(function* (x) { … })           →  const f = async function (x) { … }
 * A generator is converted whole or not at all: one yield that `await` would treat differently keeps
 * it (and its driver) as it was, with a diagnostic at that yield.
 */
import type { ASTNode, ASTPath } from 'jscodeshift';
import type { ExpressionKind } from 'ast-types/lib/gen/kinds';
import { usesOwnThisOrArguments } from '../shared/function-body';
import { getEnclosingFunction } from '../shared/functions';
import { getUniqueName } from '../shared/modules';
import { findNodes } from '../../source/tree-walk';
import { findBluebirdOnlyUses, findDroppedResults, isExported } from './bluebird-results';
import { findGeneratorUnits, type DriverKind, type DriverSite, type GeneratorUnit } from './generator-units';
import { guardStatementStart } from './asi-guard';
import { appendCoYieldHelper } from './co-yield-helper';
import { reportKeptGenerators, reportKoaMiddleware, reportPlainFunctionRuns } from './kept-generators';
import type { StepInput } from './step';
import { collectLocalFunctions, planYields, type PlanContext, type YieldPlan, type YieldProblem } from './yield-plan';

interface ActiveUnit {
  unit: GeneratorUnit;
  kind: DriverKind;
  plan: YieldPlan;
}

/**
 * co and Bluebird resolve yields differently: a unit's drivers are its own sites plus the drivers of
 * the units that yield it (a fixpoint, so mutually recursive generators get one too). A unit driven
 * by both, or by nothing, is left alone.
 */
function assignKinds(units: GeneratorUnit[]): Map<GeneratorUnit, DriverKind> {
  const byFn = new Map<ASTNode, GeneratorUnit>(units.map((u) => [u.fn.node, u]));
  const drivers = new Map<GeneratorUnit, Set<DriverKind>>(units.map((u) => [u, new Set(u.sites.map((s) => s.kind))]));
  // the drivers of the units that yield a unit drive it too
  const inherited = (unit: GeneratorUnit): DriverKind[] =>
    unit.yieldedBy.flatMap((y) => {
      const outer = byFn.get(getEnclosingFunction(y)?.node as ASTNode);
      return [...((outer && drivers.get(outer)) ?? [])];
    });
  for (let changed = true; changed;) {
    changed = false;
    for (const unit of units) {
      const own = drivers.get(unit) as Set<DriverKind>;
      const added = inherited(unit).filter((kind) => !own.has(kind));
      added.forEach((kind) => own.add(kind));
      if (added.length > 0) changed = true;
    }
  }
  const kinds = new Map<GeneratorUnit, DriverKind>();
  for (const [unit, set] of drivers) if (set.size === 1) kinds.set(unit, [...set][0]);
  return kinds;
}

/** Drops units until every remaining one converts cleanly given the others (a fixpoint). */
function selectConvertible(
  input: StepInput,
  units: GeneratorUnit[],
): { active: ActiveUnit[]; problems: YieldProblem[]; helper: () => string } {
  const kinds = assignKinds(units);
  const locals = collectLocalFunctions(input.j, input.root);
  const coYieldHelper = nameCoYieldHelper(input);
  const problems: YieldProblem[] = [];
  let candidates = units.filter((u) => kinds.has(u));
  for (;;) {
    const fns = new Set(candidates.map((u) => u.fn.node));
    const converting = new Set(candidates.map((u) => u.name).filter((n): n is string => n !== null));
    const plan: PlanContext = { j: input.j, locals, converting, coYieldHelper };
    const active: ActiveUnit[] = [];
    for (const unit of candidates) {
      const kind = kinds.get(unit) as DriverKind;
      const yieldPlan = planYields(plan, unit, kind);
      const own = [...yieldPlan.problems, ...findBluebirdProblems(input, unit, kind)];
      const driven = unit.yieldedBy.every((y) => fns.has(getEnclosingFunction(y)?.node as ASTNode));
      if (own.length === 0 && driven) active.push({ unit, kind, plan: yieldPlan });
      else problems.push(...own);
    }
    if (active.length === candidates.length) return { active, problems, helper: coYieldHelper };
    candidates = active.map((a) => a.unit);
  }
}

function findBluebirdProblems(input: StepInput, unit: GeneratorUnit, kind: DriverKind): YieldProblem[] {
  if (kind !== 'bluebird') return [];
  return unit.sites.flatMap((site) =>
    findBluebirdOnlyUses(input, site.call).map(({ call, method }) => ({
      path: call,
      code: 'BLUEBIRD_ONLY_METHOD',
      message:
        `.${method} is a Bluebird-only method; the async function that would replace this coroutine returns ` +
        `a native promise, so the coroutine is left as it was`,
    })),
  );
}

function buildRunnable(input: StepInput, unit: GeneratorUnit): ExpressionKind {
  const { j } = input;
  const fn = unit.fn.node as unknown as { id: null | { name: string }; params: never[]; body: never };
  if (fn.id || usesOwnThisOrArguments(j, unit.fn)) return unit.fn.node as unknown as ExpressionKind;
  const arrow = j.arrowFunctionExpression(fn.params, fn.body);
  arrow.async = true;
  return arrow;
}

function rewriteSite(input: StepInput, unit: GeneratorUnit, site: DriverSite): void {
  const { j } = input;
  const call = site.call.node as unknown as { arguments: ExpressionKind[] };
  const [first, ...rest] = call.arguments;
  if (site.role === 'wrap') {
    site.call.replace(first);
    declareIfFileDoes(input, site.call);
  } else if (site.role === 'run-object') site.call.replace(first);
  else if (unit.name) site.call.replace(j.callExpression(first, rest));
  else {
    site.call.replace(j.callExpression(buildRunnable(input, unit), rest));
    guardStatementStart(j, site.call);
  }
  input.refs.touch(site.kind === 'co' ? 'co' : 'bluebird');
}

/**
 * `const name = co.wrap(function* (…) {…})` unwrapped is `const name = async function (…) {…}`; in a
 * file that writes its functions as declarations (ESLint's func-style: declaration, as idoit does), it
 * becomes `async function name(…) {…}`. Only a lone `const` declarator of an anonymous function: a
 * declaration is hoisted where the const was not, which only lets earlier code see a defined function.
 */
function declareIfFileDoes(input: StepInput, call: ASTPath): void {
  const fn = call.node as unknown as { type: string; id: unknown; loc?: unknown };
  const declarator = call.parent as ASTPath | null;
  const declaration = declarator?.parent as ASTPath | null;
  const decl = declaration?.node as unknown as { type: string; kind: string; declarations: unknown[] } | undefined;
  const id = (declarator?.node as unknown as { id?: { type: string } } | undefined)?.id;
  if (fn.type !== 'FunctionExpression' || fn.id || !decl || decl.type !== 'VariableDeclaration') return;
  if (decl.kind !== 'const' || decl.declarations.length !== 1 || id?.type !== 'Identifier') return;
  const parentType = (declaration?.parent as ASTPath | null)?.node.type;
  if (parentType !== 'Program' && parentType !== 'BlockStatement' && parentType !== 'ExportNamedDeclaration') return;
  if (!prefersDeclarations(input)) return;
  fn.type = 'FunctionDeclaration';
  fn.id = id;
  (declaration as ASTPath).replace(fn);
}

/**
 * More function declarations than `const x = function` / arrow values the file wrote itself (an async
 * value is one this run may just have unwrapped, so it does not count).
 */
function prefersDeclarations(input: StepInput): boolean {
  const { j, root } = input;
  const declarations = findNodes(root, j.FunctionDeclaration).length;
  const values = findNodes(root, j.VariableDeclarator).filter((path) => {
    const init = path.node.init as { type: string; async?: boolean } | null;
    return init !== null && /^(FunctionExpression|ArrowFunctionExpression)$/.test(init.type) && !init.async;
  }).length;
  return declarations > values;
}

/** Bluebird printed an unhandled rejection and went on; a native one ends the process (Node >= 15). */
function reportDroppedResults(input: StepInput, active: ActiveUnit): void {
  if (active.kind !== 'bluebird') return;
  for (const site of active.unit.sites) {
    if (isExported(input, site.call)) {
      input.context.report({
        code: 'BLUEBIRD_RESULT_EXPORTED',

        node: site.call,
        message:
          'this coroutine leaves the file: its callers now get a native promise, without .spread, .tap, .timeout ' +
          'and the other Bluebird methods',
      });
    }
    for (const call of findDroppedResults(input, site.call)) {
      input.context.report({
        code: 'UNHANDLED_REJECTION_SEMANTICS',

        node: call,
        message:
          'this call drops the promise: a rejection Bluebird only printed now ends the process as an unhandled ' +
          'rejection; await it or add .catch',
      });
    }
  }
}

function convertUnit(input: StepInput, active: ActiveUnit): void {
  reportDroppedResults(input, active);
  for (const rewrite of [...active.plan.rewrites].reverse()) rewrite.path.replace(rewrite.replacement());
  const node = active.unit.fn.node as unknown as { generator: boolean; async: boolean; returnType?: unknown };
  node.generator = false;
  node.async = true;
  // Generator<…> / Iterator<…> annotations no longer apply; the compiler infers Promise<…>
  if (node.returnType) node.returnType = null;
  for (const site of active.unit.sites) rewriteSite(input, active.unit, site);
}

/** One unique name for the file's co-yield helper, picked the first time a yield needs it. */
function nameCoYieldHelper(input: StepInput): () => string {
  let name: string | null = null;
  return () => (name ??= getUniqueName(input.j, input.root, 'coYield'));
}

/** Writes the helper once when a converted yield calls it. */
function addCoYieldHelper(input: StepInput, name: string): void {
  const calls = findNodes(input.root, input.j.CallExpression, { callee: { type: 'Identifier', name } });
  if (calls.size() > 0) appendCoYieldHelper(input.j, input.root, name, input.context.isTypeScript);
}

export function unwrapGenerators(input: StepInput): boolean {
  const { units, kept } = findGeneratorUnits(input);
  reportKeptGenerators(input, kept);
  reportKoaMiddleware(input, units);
  reportPlainFunctionRuns(input);
  if (units.length === 0) return false;
  const { active, problems, helper } = selectConvertible(input, units);
  for (const p of problems) input.context.report({ code: p.code, node: p.path, message: p.message });
  for (const unit of active) convertUnit(input, unit);
  addCoYieldHelper(input, helper());
  return active.length > 0;
}
