/**
 * unwrap-runners writes `await coYield(value)` where a co-driven yield's value may not be a promise
 * (transforms/unwrap-runners/co-yield-helper.ts). Here the type checker decides which of those calls
 * are plain promises after all: a thenable becomes `await value`, an array (or tuple) of thenables and
 * primitives becomes `await Promise.all(value)` (co resolved such an array element by element, letting
 * primitives through), and so does `list.map(callback)` whose callback returns a promise. A value
 * typed `any`, an object, a function or a union with a non-promise keeps the helper, which resolves it
 * as co did. The helper's declaration goes when no call of it is left.
 */
import { ts } from 'ts-morph';
import { coYieldMarker } from '../../core/markers';
import { getPlannedRange, getPlannedStart } from '../syntax';
import type { CoYieldForm } from '../types';
import type { FilePlans } from './file-plans';

const primitiveFlags =
  ts.TypeFlags.StringLike |
  ts.TypeFlags.NumberLike |
  ts.TypeFlags.BooleanLike |
  ts.TypeFlags.BigIntLike |
  ts.TypeFlags.EnumLike |
  ts.TypeFlags.Null |
  ts.TypeFlags.Undefined |
  ts.TypeFlags.Void;

function findHelper(file: ts.SourceFile): ts.FunctionDeclaration | null {
  const text = file.getFullText();
  for (const statement of file.statements) {
    if (!ts.isFunctionDeclaration(statement) || !statement.name) continue;
    const comments = ts.getLeadingCommentRanges(text, statement.getFullStart()) ?? [];
    if (comments.some((c) => text.slice(c.pos, c.end).includes(coYieldMarker))) return statement;
  }
  return null;
}

function isThenable(checker: ts.TypeChecker, type: ts.Type, at: ts.Node): boolean {
  if (type.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown | ts.TypeFlags.Never)) return false;
  if (type.isUnion()) return type.types.every((t) => isThenable(checker, t, at));
  const then = type.getProperty('then');
  return then !== undefined && checker.getTypeOfSymbolAtLocation(then, at).getCallSignatures().length > 0;
}

function isSettledAsIs(checker: ts.TypeChecker, type: ts.Type, at: ts.Node): boolean {
  if (type.isUnion()) return type.types.every((t) => isSettledAsIs(checker, t, at));
  return (type.flags & primitiveFlags) !== 0 || isThenable(checker, type, at);
}

/**
 * `list.map(callback)` where the callback returns a promise and `list` is an array or untyped (`any`,
 * the usual case in JavaScript): an array of promises, the most common co yield of all.
 */
function isMapToPromises(checker: ts.TypeChecker, argument: ts.Expression): boolean {
  if (!ts.isCallExpression(argument) || !ts.isPropertyAccessExpression(argument.expression)) return false;
  if (argument.expression.name.text !== 'map') return false;
  const [callback] = argument.arguments;
  if (!callback || !(ts.isArrowFunction(callback) || ts.isFunctionExpression(callback))) return false;
  const receiver = checker.getTypeAtLocation(argument.expression.expression);
  if (!(receiver.flags & ts.TypeFlags.Any) && !checker.isArrayType(receiver)) return false;
  const signature = checker.getSignatureFromDeclaration(callback);
  return signature !== undefined && isThenable(checker, checker.getReturnTypeOfSignature(signature), callback);
}

/** What `coYield(argument)` can become, or null when only the helper resolves it as co did. */
function getForm(checker: ts.TypeChecker, argument: ts.Expression): CoYieldForm | null {
  const type = checker.getTypeAtLocation(argument);
  if (isThenable(checker, type, argument)) return 'await';
  if (isMapToPromises(checker, argument)) return 'all';
  if (!checker.isArrayType(type) && !checker.isTupleType(type)) return null;
  const elements = checker.getTypeArguments(type as ts.TypeReference);
  const settles = elements.length > 0 && elements.every((e) => isSettledAsIs(checker, e, argument));
  return settles && elements.some((e) => isThenable(checker, e, argument)) ? 'all' : null;
}

/** Plans the calls of `file`'s helper that the checker can turn back into plain awaits. */
export function addCoYieldUnwraps(file: ts.SourceFile, checker: ts.TypeChecker, files: FilePlans): void {
  const helper = findHelper(file);
  if (!helper?.name) return;
  const helperSymbol = checker.getSymbolAtLocation(helper.name);
  let kept = 0;
  const visit = (node: ts.Node): void => {
    if (node === helper) return; // its own recursive call
    if (
      ts.isCallExpression(node) &&
      ts.isIdentifier(node.expression) &&
      node.arguments.length === 1 &&
      checker.getSymbolAtLocation(node.expression) === helperSymbol
    ) {
      const form = getForm(checker, node.arguments[0]);
      if (form) files.add(node, 'coYieldCalls', { ...getPlannedRange(node), form });
      else kept += 1;
    }
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(file, visit);
  if (kept === 0) files.get(file).coYieldHelper = getPlannedStart(helper);
}
