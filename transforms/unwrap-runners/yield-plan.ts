/**
 * What each `yield` of a driven generator becomes, or why it cannot become an await. co resolved a
 * yielded value by its shape (promise → value, array/object → deep parallel resolution, thunk → called
 * with a callback, generator → run, primitive → TypeError); Bluebird.coroutine accepts only promises.
 * `await` only waits for a promise, so under co:
 *   yield p                 →  await p                          (p provably a promise)
 *   yield [a(), b()]        →  await Promise.all([a(), b()])    (every element provably a promise)
 *   yield { a: x(), b }     →  await Promise.all([...]) with the object rebuilt (object-yield.ts)
 *   yield* step()           →  await step()                     (step converted too)
 *   yield anything else     →  await coYield(value)             (co's resolution, co-yield-helper.ts)
 *   yield 42 / yield        →  refused: co threw a TypeError there, await would not
 * propagate-async's analysis later turns `coYield(value)` into `value` where the checker types it as a
 * promise (analysis/plan/co-yield-calls.ts). Under Bluebird only promise yields are rewritten.
 */
import type { ASTPath, Collection, JSCodeshift } from 'jscodeshift';
import type { ExpressionKind } from 'ast-types/lib/gen/kinds';
import { findInOwnBody } from '../shared/function-body';
import { buildAwait } from '../shared/build-await';
import type { DriverKind, GeneratorUnit } from './generator-units';
import { planObjectYield } from './object-yield';

import { findNodes } from '../../source/tree-walk';

export type LocalFunctionKind = 'async' | 'sync' | 'generator' | 'thunk';

export interface YieldProblem {
  path: ASTPath;
  code: string;
  message: string;
}

export interface YieldPlan {
  rewrites: { path: ASTPath; replacement: () => ExpressionKind }[];
  problems: YieldProblem[];
}

interface Node {
  type: string;
  name?: string;
  operator?: string;
  callee?: Node;
  property?: Node;
  object?: Node;
  computed?: boolean;
  argument?: Node | null;
  delegate?: boolean;
  elements?: (Node | null)[];
  expressions?: Node[];
  async?: boolean;
  generator?: boolean;
}

/** Local names and what they hold: `async function a`, `const t = thunkify(fs.readFile)`, … */
export function collectLocalFunctions(j: JSCodeshift, root: Collection): Map<string, LocalFunctionKind> {
  const kinds = new Map<string, LocalFunctionKind>();
  const kindOf = (fn: Node): LocalFunctionKind => (fn.async ? 'async' : fn.generator ? 'generator' : 'sync');
  findNodes(root, j.FunctionDeclaration).forEach((path) => {
    if (path.node.id?.type === 'Identifier') kinds.set(path.node.id.name, kindOf(path.node));
  });
  findNodes(root, j.VariableDeclarator).forEach((path) => {
    const init = path.node.init as Node | null;
    if (path.node.id.type !== 'Identifier' || !init) return;
    if (init.type === 'FunctionExpression' || init.type === 'ArrowFunctionExpression')
      kinds.set(path.node.id.name, kindOf(init));
    else if (init.type === 'CallExpression' && /thunk/i.test(getCalleeName(init) ?? ''))
      kinds.set(path.node.id.name, 'thunk');
  });
  return kinds;
}

function getCalleeName(call: Node): string | null {
  const callee = call.callee;
  if (callee?.type === 'Identifier') return callee.name ?? null;
  if (callee?.type === 'MemberExpression' && !callee.computed && callee.property?.type === 'Identifier')
    return callee.property.name ?? null;
  return null;
}

const primitiveTypes = new Set([
  'StringLiteral',
  'NumericLiteral',
  'BooleanLiteral',
  'NullLiteral',
  'BigIntLiteral',
  'TemplateLiteral',
  'BinaryExpression',
  'UnaryExpression',
  'UpdateExpression',
  'Literal',
]);
const promiseStatics = new Set(['resolve', 'reject', 'all', 'allSettled', 'race', 'any']);
const promiseMethods = new Set(['then', 'catch', 'finally']);

/** A yielded value co would reject with TypeError (null, undefined, numbers, strings, …). */
function isPrimitive(node: Node): boolean {
  if (primitiveTypes.has(node.type)) return node.type !== 'Literal' || !(node as { regex?: unknown }).regex;
  return node.type === 'Identifier' && node.name === 'undefined';
}

/** A yielded value co calls with a callback: a function, `fn.bind(…)`, a thunkified call. */
function isThunk(node: Node, locals: Map<string, LocalFunctionKind>): boolean {
  if (node.type === 'FunctionExpression' || node.type === 'ArrowFunctionExpression') return true;
  if (node.type === 'Identifier') return locals.has(node.name ?? ''); // a function value, not its result
  if (node.type !== 'CallExpression' || !node.callee) return false;
  if (getCalleeName(node) === 'bind' && node.callee.type === 'MemberExpression') return true;
  if (node.callee.type === 'CallExpression') return /thunk/i.test(getCalleeName(node.callee) ?? '');
  return node.callee.type === 'Identifier' && locals.get(node.callee.name ?? '') === 'thunk';
}

/**
 * Provably a promise: a call of a local async function or converted generator, `.then(…)`, `Promise.all(…)`, `new
 * Promise(…)`.
 */
function isPromiseCall(
  node: Node | null,
  locals: Map<string, LocalFunctionKind>,
  converting: ReadonlySet<string>,
): boolean {
  if (!node) return false;
  if (node.type === 'NewExpression') return node.callee?.type === 'Identifier' && node.callee.name === 'Promise';
  if (node.type !== 'CallExpression' || !node.callee) return false;
  const callee = node.callee;
  if (callee.type === 'Identifier')
    return locals.get(callee.name ?? '') === 'async' || converting.has(callee.name ?? '');
  if (callee.type !== 'MemberExpression' || callee.computed || callee.property?.type !== 'Identifier') return false;
  const method = callee.property.name ?? '';
  if (callee.object?.type === 'Identifier' && callee.object.name === 'Promise') return promiseStatics.has(method);
  return promiseMethods.has(method);
}

/** The name of the local generator a `yield g()` / `yield* g()` calls. */
function getCalledGenerator(node: Node | null | undefined, locals: Map<string, LocalFunctionKind>): string | null {
  if (node?.type !== 'CallExpression' || node.callee?.type !== 'Identifier') return null;
  return locals.get(node.callee.name ?? '') === 'generator' ? (node.callee.name ?? null) : null;
}

/** The yield's argument when the rewrite runs (a yield nested in it has been rewritten by then). */
function getArgument(path: ASTPath): ExpressionKind {
  return (path.node as unknown as { argument: ExpressionKind }).argument;
}

export interface PlanContext {
  j: JSCodeshift;
  locals: Map<string, LocalFunctionKind>;
  /** Names of the named generators being converted in this run. */
  converting: ReadonlySet<string>;
  /** The name of the file's co-yield helper (co-yield-helper.ts); asking for it means the file needs it. */
  coYieldHelper: () => string;
}

/** `await value`, or `await coYield(value)` when co would have resolved a value that may not be a promise. */
function buildYieldAwait(plan: PlanContext, path: ASTPath, viaHelper: boolean): () => ExpressionKind {
  const { j } = plan;
  if (!viaHelper) return () => buildAwait(j, getArgument(path));
  const helper = plan.coYieldHelper();
  return () => buildAwait(j, j.callExpression(j.identifier(helper), [getArgument(path)]));
}

/** What a co-driven `yield` (or `yield*`) becomes; null when the yield is refused (`problem` says why). */
function planCoYield(plan: PlanContext, path: ASTPath, node: Node): (() => ExpressionKind) | null {
  const { j, locals, converting } = plan;
  const argument = node.argument ?? null;
  const generator = getCalledGenerator(argument, locals);
  if (generator && converting.has(generator)) return buildYieldAwait(plan, path, false);
  if (node.delegate) return argument?.type === 'CallExpression' ? buildYieldAwait(plan, path, true) : null;
  if (argument?.type === 'ObjectExpression') {
    const objectRewrite = planObjectYield(j, path, (v) => isPromiseCall(v, locals, converting));
    if (objectRewrite) return objectRewrite;
  }
  if (!argument || isPrimitive(argument)) return null;
  if (isPromiseCall(argument, locals, converting)) return buildYieldAwait(plan, path, false);
  const elements = argument.type === 'ArrayExpression' ? (argument.elements ?? []) : null;
  if (elements?.every((e) => isPromiseCall(e, locals, converting))) {
    return () =>
      buildAwait(
        j,
        j.callExpression(j.memberExpression(j.identifier('Promise'), j.identifier('all')), [getArgument(path)]),
      );
  }
  // a value co resolved by its run-time shape: an array or object of anything, a thunk, a generator
  // object, or a call whose result the per-file view cannot type (the analysis may unwrap it later)
  return buildYieldAwait(plan, path, true);
}

/** Plans every yield in `unit`'s own body for a generator driven by `kind`. */
export function planYields(plan: PlanContext, unit: GeneratorUnit, kind: DriverKind): YieldPlan {
  const { j, locals, converting } = plan;
  const result: YieldPlan = { rewrites: [], problems: [] };
  const problem = (path: ASTPath, code: string, message: string) => result.problems.push({ path, code, message });
  for (const path of findInOwnBody(j, unit.fn, j.YieldExpression)) {
    const node = path.node as unknown as Node;
    if (kind === 'co') {
      const replacement = planCoYield(plan, path, node);
      if (replacement) result.rewrites.push({ path, replacement });
      else problem(path, ...explainRefusedCoYield(node));
      continue;
    }
    const argument = node.argument ?? null;
    const generator = getCalledGenerator(argument, locals);
    if (generator && converting.has(generator)) {
      result.rewrites.push({ path, replacement: () => buildAwait(j, getArgument(path)) });
      continue;
    }
    const reason = getRejectedBluebirdYield(argument, node, plan);
    if (reason) problem(path, reason.code, reason.message);
    else result.rewrites.push({ path, replacement: () => buildAwait(j, getArgument(path)) });
  }
  return result;
}

function explainRefusedCoYield(node: Node): [code: string, message: string] {
  if (node.delegate) {
    return [
      'CO_UNKNOWN_DELEGATION',
      'yield* delegates to a value that is not a call, which co runs as a generator; convert what it delegates ' +
        'to into an async function, then await it',
    ];
  }
  return [
    'CO_NON_YIELDABLE',
    'co rejects this yielded value with a TypeError, while await would accept it; fix the yield by hand',
  ];
}

/** Bluebird.coroutine accepts only promises (unless the project installs a yield handler). */
function getRejectedBluebirdYield(
  argument: Node | null,
  node: Node,
  plan: PlanContext,
): { code: string; message: string } | null {
  const generator = getCalledGenerator(argument, plan.locals);
  if (generator) {
    return {
      code: 'CO_UNCONVERTED_GENERATOR',
      message:
        `${generator}() is a generator that is not only run by Bluebird.coroutine, so it stays a generator; ` +
        `convert it by hand, then await it`,
    };
  }
  if (node.delegate) {
    return {
      code: 'CO_UNKNOWN_DELEGATION',
      message:
        'yield* delegates to a generator this transform cannot see; convert that generator to an async function, ' +
        'then await it',
    };
  }
  if (!argument || isPrimitive(argument) || isThunk(argument, plan.locals)) {
    return {
      code: 'BLUEBIRD_NON_PROMISE_YIELD',
      message: 'Bluebird.coroutine rejects this yielded value (not a promise), while await would accept it',
    };
  }
  if (argument.type === 'ObjectExpression' || argument.type === 'ArrayExpression') {
    return {
      code: 'BLUEBIRD_NON_PROMISE_YIELD',
      message:
        'Bluebird.coroutine rejects a yielded array or object unless a yield handler is installed; await ' +
        'Promise.all(...) by hand if the project installs one',
    };
  }
  return null;
}
