/**
 * The plan's co-yield calls whose argument is a promise (or an array of promises): `coYield(value)`
 * gives way to `value` (or `Promise.all(value)`), and the helper's declaration goes when the plan says
 * no call of it is left (analysis/plan/co-yield-calls.ts decides both).
 */
import type { ExpressionKind } from 'ast-types/lib/gen/kinds';
import type { ASTPath, JSCodeshift } from 'jscodeshift';
import type { CoYieldForm } from '../../analysis/types';

export function unwrapCoYieldCall(j: JSCodeshift, path: ASTPath, form: CoYieldForm): boolean {
  const [argument] = (path.node as unknown as { arguments: ExpressionKind[] }).arguments;
  if (!argument) return false;
  const promiseAll = j.memberExpression(j.identifier('Promise'), j.identifier('all'));
  path.replace(form === 'all' ? j.callExpression(promiseAll, [argument]) : argument);
  return true;
}

export function removeCoYieldHelper(helper: ASTPath | undefined): boolean {
  if (!helper) return false;
  helper.prune();
  return true;
}
