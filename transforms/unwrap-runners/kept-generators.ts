/**
 * Generators that stay generators, said where the user will look: a named generator a driver runs that
 * is also used some other way (its `co.wrap(name)` stays, and co with it), koa 1 middleware (koa runs it
 * through co; await has no equivalent of `yield next`), and `co(fn)` of a function that is not a
 * generator (co only calls it).
 */
import type { ASTNode, ASTPath } from 'jscodeshift';
import { findNodes } from '../../source/tree-walk';
import { isFunctionLike } from '../shared/functions';
import type { GeneratorUnit } from './generator-units';
import type { StepInput } from './step';

export function reportKeptGenerators(input: StepInput, kept: GeneratorUnit[]): void {
  for (const unit of kept) {
    for (const site of unit.sites) {
      input.context.report({
        code: 'CO_GENERATOR_KEPT',
        node: site.call,
        message:
          `${unit.name} stays a generator run by ${site.kind === 'co' ? 'co' : 'Bluebird'} here: ` +
          `${unit.escapeReason ?? 'it is used another way'}. Make that use call an async version (or run it ` +
          `under the driver too), then run awaitify again`,
      });
    }
  }
}

interface FunctionNode {
  type: string;
  generator?: boolean;
  params?: { type: string; name?: string }[];
}

/** `yield next` / `yield* next` in the function's own body, `next` being its first parameter. */
function yieldsNext(input: StepInput, fn: ASTPath): boolean {
  const first = (fn.node as unknown as FunctionNode).params?.[0];
  if (first?.type !== 'Identifier' || !first.name) return false;
  return (
    findNodes(input.j(fn), input.j.YieldExpression, { argument: { type: 'Identifier', name: first.name } }).size() > 0
  );
}

/** A generator passed to `.use(…)`, or one that yields the `next` it receives: koa 1 middleware. */
export function reportKoaMiddleware(input: StepInput, units: GeneratorUnit[]): void {
  const { j } = input;
  const converted = new Set<unknown>(units.map((u) => u.fn.node));
  findNodes(input.root, j.Function).forEach((path) => {
    const node = path.node as unknown as FunctionNode;
    if (!node.generator || converted.has(path.node)) return;
    const parent = path.parent?.node as { type: string; callee?: ASTNode; arguments?: unknown[] } | undefined;
    const callee = parent?.callee as { type: string; property?: { name?: string } } | undefined;
    const passedToUse =
      parent?.type === 'CallExpression' &&
      parent.arguments?.includes(path.node) === true &&
      callee?.type === 'MemberExpression' &&
      callee.property?.name === 'use';
    if (!passedToUse && !yieldsNext(input, path as unknown as ASTPath)) return;
    input.context.report({
      code: 'KOA1_GENERATOR_MIDDLEWARE',
      node: path as unknown as ASTPath,
      message:
        'koa 1 middleware stays a generator: koa 1 runs it through co, and `yield next` has no await ' +
        'equivalent. Move to koa 2 (`async (ctx, next) => { … await next(); }`), or wrap it with koa-convert ' +
        'while you migrate',
    });
  });
}

/** `co(fn)` where `fn` is a plain or async function: co only calls it and resolves what it returns. */
export function reportPlainFunctionRuns(input: StepInput): void {
  const { j } = input;
  findNodes(input.root, j.CallExpression).forEach((call) => {
    if (!input.refs.isMember(call.get('callee') as ASTPath, 'co', 'default')) return;
    const first = (call.node.arguments as ASTNode[])[0] as FunctionNode | undefined;
    if (!first || !isFunctionLike(first as unknown as ASTNode) || first.generator) return;
    input.context.report({
      code: 'CO_RUNS_PLAIN_FUNCTION',
      node: call,
      message:
        'co runs a function that is not a generator: it only calls it and resolves its result. Replace ' +
        '`co(fn)` with `Promise.resolve().then(fn)` (or a direct call of an async function), then run ' +
        'awaitify again',
    });
  });
}
