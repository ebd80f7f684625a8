/**
 * `await <expr>` with the parentheses the printer does not add by itself: recast prints a new
 * AwaitExpression around a BinaryExpression as `await a + b`, which means `(await a) + b`.
 */
import type { JSCodeshift } from 'jscodeshift';
import type { ExpressionKind } from 'ast-types/lib/gen/kinds';

// Expressions that bind at least as tightly as `await`'s operand (a unary expression).
const tightTypes = new Set([
  'Identifier',
  'ThisExpression',
  'Super',
  'CallExpression',
  'OptionalCallExpression',
  'MemberExpression',
  'OptionalMemberExpression',
  'NewExpression',
  'StringLiteral',
  'NumericLiteral',
  'BooleanLiteral',
  'NullLiteral',
  'BigIntLiteral',
  'RegExpLiteral',
  'Literal',
  'TemplateLiteral',
  'TaggedTemplateExpression',
  'ArrayExpression',
  'ObjectExpression',
  'ParenthesizedExpression',
  'AwaitExpression',
  'UnaryExpression',
]);

/** Whether `expr` can stand as the operand of `await`/`!`/`typeof` without parentheses. */
export function isTightExpression(expr: { type: string; extra?: { parenthesized?: boolean } | null }): boolean {
  return tightTypes.has(expr.type) || Boolean(expr.extra?.parenthesized);
}

/** Wraps `expr` in parentheses unless it already binds tightly enough. */
export function parenthesizeLoose(j: JSCodeshift, expr: ExpressionKind): ExpressionKind {
  return isTightExpression(expr as unknown as { type: string }) ? expr : j.parenthesizedExpression(expr);
}

export function buildAwait(j: JSCodeshift, expr: ExpressionKind): ExpressionKind {
  return j.awaitExpression(parenthesizeLoose(j, expr));
}
