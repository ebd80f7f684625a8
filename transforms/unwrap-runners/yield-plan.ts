/**
 * What each `yield` of a driven generator becomes, or why it cannot become an await. co resolves a
 * yielded value by its shape (promise → value, array/object → deep parallel resolution, thunk → called
 * with a callback, primitive → TypeError); Bluebird.coroutine accepts only promises. `await` accepts
 * anything, so only shapes where both agree are rewritten:
 *   yield p            →  await p
 *   yield [a(), b()]   →  await Promise.all([a(), b()])   (co only, every element provably a promise)
 *   yield* step()      →  await step()                     (step converted too)
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
}

/** Plans every yield in `unit`'s own body for a generator driven by `kind`. */
export function planYields(plan: PlanContext, unit: GeneratorUnit, kind: DriverKind): YieldPlan {
  const { j, locals, converting } = plan;
  const result: YieldPlan = { rewrites: [], problems: [] };
  const problem = (path: ASTPath, code: string, message: string) => result.problems.push({ path, code, message });
  for (const path of findInOwnBody(j, unit.fn, j.YieldExpression)) {
    const node = path.node as unknown as Node;
    const argument = node.argument ?? null;
    const generator = getCalledGenerator(argument, locals);
    if (generator) {
      if (converting.has(generator))
        result.rewrites.push({ path, replacement: () => buildAwait(j, getArgument(path)) });
      else
        problem(
          path,
          'CO_UNCONVERTED_GENERATOR',
          `${generator}() is a generator that is not only run by ${kind}, so it stays a generator; convert it by ` +
            `hand, then await it`,
        );
      continue;
    }
    if (node.delegate) {
      problem(
        path,
        'CO_UNKNOWN_DELEGATION',
        'yield* delegates to a generator this transform cannot see; convert that generator to an async function, ' +
          'then await it',
      );
      continue;
    }
    const objectRewrite =
      kind === 'co' && argument?.type === 'ObjectExpression'
        ? planObjectYield(j, path, (v) => isPromiseCall(v, locals, converting))
        : null;
    if (objectRewrite) {
      result.rewrites.push({ path, replacement: objectRewrite });
      continue;
    }
    const reason = getRejectedYield(argument, kind, plan);
    if (reason) {
      problem(path, reason.code, reason.message);
      continue;
    }
    if (argument?.type === 'ArrayExpression') {
      result.rewrites.push({
        path,
        replacement: () =>
          buildAwait(
            j,
            j.callExpression(j.memberExpression(j.identifier('Promise'), j.identifier('all')), [getArgument(path)]),
          ),
      });
    } else {
      result.rewrites.push({ path, replacement: () => buildAwait(j, getArgument(path)) });
    }
  }
  return result;
}

function getRejectedYield(
  argument: Node | null,
  kind: DriverKind,
  plan: PlanContext,
): { code: string; message: string } | null {
  const driver = kind === 'co' ? 'co' : 'Bluebird.coroutine';
  const nonPromise = kind === 'co' ? 'CO_NON_YIELDABLE' : 'BLUEBIRD_NON_PROMISE_YIELD';
  if (!argument || isPrimitive(argument)) {
    return {
      code: nonPromise,
      message:
        `${driver} rejects this yielded value with a TypeError, while await would accept it; fix the yield ` +
        `by hand`,
    };
  }
  if (isThunk(argument, plan.locals)) {
    if (kind === 'bluebird')
      return { code: nonPromise, message: 'Bluebird.coroutine rejects a yielded function; fix the yield by hand' };
    return {
      code: 'CO_THUNK_YIELD',
      message:
        'co calls a yielded function (thunk) with a callback; await would return the function itself. Yield a ' +
        'promise instead (util.promisify), then run the transform again',
    };
  }
  if (argument.type === 'ObjectExpression' || argument.type === 'ArrayExpression') {
    if (kind === 'bluebird') {
      return {
        code: nonPromise,
        message:
          'Bluebird.coroutine rejects a yielded array or object unless a yield handler is installed; await ' +
          'Promise.all(...) by hand if the project installs one',
      };
    }
    if (argument.type === 'ObjectExpression') {
      return {
        code: 'CO_DEEP_YIELD',
        message:
          'co resolves a yielded object into one with the same keys, deeply; only `const { a, b } = yield { a: p(), ' +
          'b: q() }` over provable promises is converted. Write the parallel await by hand',
      };
    }
    const elements = argument.elements ?? [];
    if (!elements.every((e) => isPromiseCall(e, plan.locals, plan.converting))) {
      return {
        code: 'CO_DEEP_YIELD',
        message:
          'co resolves a yielded array or object deeply (nested arrays, objects, thunks); await Promise.all is ' +
          'shallow. Write the parallel await by hand',
      };
    }
  }
  return null;
}
