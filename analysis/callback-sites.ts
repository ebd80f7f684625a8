/**
 * A function used as a value: a declaration or assignment whose callers can be found by name, an IIFE,
 * or a callback whose host decides: promise handlers and test callbacks just become async, array
 * `map`/`forEach` become loops (map-loop.ts), anything else is a boundary.
 */
import { ts } from 'ts-morph';
import { getCalleeName } from './call-index';
import { classifyUse } from './call-use';
import { explainForEachLoopRefusal, explainMapLoopRefusal } from './map-loop';
import { findResultIgnoringCaller, isPromiseAwareCaller } from './callback-callers';
import {
  boundary,
  defaultClassifyOptions,
  mapAdvice,
  type ClassifyOptions,
  type ContainerContext,
} from './site-context';
import { skipOuterExpressions } from './syntax';

const arrayPredicates = new Set([
  'filter',
  'some',
  'every',
  'find',
  'findIndex',
  'findLast',
  'findLastIndex',
  'reduce',
  'reduceRight',
  'sort',
  'flatMap',
]);

/** `require.extensions['.txt'] = function (module, filename) {…}` (also `Module._extensions`). */
function isRequireHook(parent: ts.Node, value: ts.Node): boolean {
  if (
    !ts.isBinaryExpression(parent) ||
    parent.right !== value ||
    parent.operatorToken.kind !== ts.SyntaxKind.EqualsToken
  )
    return false;
  const target = parent.left;
  const holder =
    ts.isElementAccessExpression(target) || ts.isPropertyAccessExpression(target) ? target.expression.getText() : '';
  return /(^|\.)(extensions|_extensions)$/.test(holder) && /require|Module|module/.test(holder);
}
/** Whether callers of `fn` can be found by name, or it is a callback, an IIFE or an escaping value. */
export function classifyFunctionValue(
  fn: ts.FunctionLikeDeclaration,
  checker: ts.TypeChecker,
  options: ClassifyOptions = defaultClassifyOptions,
): ContainerContext {
  if (ts.isFunctionDeclaration(fn) || ts.isMethodDeclaration(fn)) return { kind: 'function', fn };
  const outer = skipOuterExpressions(fn);
  const parent = outer.parent;
  if (isRequireHook(parent, outer)) {
    return boundary(
      'sync-hook',
      'a `require` extension hook (Node needs the module compiled synchronously)',
      'keep the hook synchronous and do the async work before `require` runs',
    );
  }
  if (
    ts.isVariableDeclaration(parent) ||
    ts.isPropertyAssignment(parent) ||
    ts.isPropertyDeclaration(parent) ||
    ts.isExportAssignment(parent) ||
    (ts.isBinaryExpression(parent) && parent.operatorToken.kind === ts.SyntaxKind.EqualsToken && parent.right === outer)
  ) {
    return { kind: 'function', fn };
  }
  if (ts.isCallExpression(parent) && parent.expression === outer) return { kind: 'iife', fn, host: parent };
  if (ts.isCallExpression(parent) && parent.arguments.includes(outer as ts.Expression)) {
    return classifyCallback(fn, parent, checker, options);
  }
  if (ts.isNewExpression(parent)) {
    return boundary('callback', 'a `new Promise` executor', 'resolve the promise with the awaited value instead');
  }
  return boundary('function-value', 'a function used as a value', 'make its callers await it by hand');
}

function classifyCallback(
  fn: ts.FunctionLikeDeclaration,
  host: ts.CallExpression,
  checker: ts.TypeChecker,
  options: ClassifyOptions,
): ContainerContext {
  const name = getCalleeName(host.expression);
  const root = getCalleeRoot(host.expression);
  if (isPromiseAwareCaller(root, name)) return { kind: 'callback', fn, host, rewrite: 'none' };
  if (root === 'describe') {
    return boundary(
      'describe',
      '`describe` callback (runs synchronously while tests are collected)',
      'move the call into `beforeAll` or a test',
    );
  }
  const isFirst = host.arguments[0] === skipOuterExpressions(fn);
  if (name && isFirst && isArrayMethodCall(host, checker)) {
    if (name === 'map') {
      // already used as promises (`Promise.all(arr.map(cb))`): the callback just becomes async
      if (classifyUse(host) === 'promise') return { kind: 'callback', fn, host, rewrite: 'none' };
      if (options.parallelMap) return { kind: 'callback', fn, host, rewrite: 'promise-all' };
      const refusal = explainMapLoopRefusal(fn, host);
      if (!refusal) return { kind: 'callback', fn, host, rewrite: 'map-loop' };
      return boundary('array-callback', `the callback of \`${host.expression.getText()}\``, `${refusal}; ${mapAdvice}`);
    }
    if (name === 'forEach') {
      const refusal = explainForEachLoopRefusal(fn, host);
      if (!refusal) return { kind: 'callback', fn, host, rewrite: 'for-of' };
      return boundary(
        'array-callback',
        `the callback of \`${host.expression.getText()}\``,
        `${refusal}; rewrite the call as a \`for…of\` loop that awaits`,
      );
    }
    if (arrayPredicates.has(name)) {
      return boundary(
        'array-callback',
        `the callback of \`${host.expression.getText()}\``,
        `\`${name}\` needs its callback's answer at once, and an async callback answers with a promise; rewrite the ` +
          `call as a \`for…of\` loop that awaits`,
      );
    }
  }
  if (name === 'forEach' && isFirst && isCollectionForEach(host, checker)) {
    const refusal = explainForEachLoopRefusal(fn, host);
    if (!refusal) return { kind: 'callback', fn, host, rewrite: 'for-of' };
  }
  return classifyByResult(fn, host, checker, root, name);
}

/** A callback no rule above knows: what its caller does with the result decides (the table, then the types). */
function classifyByResult(
  fn: ts.FunctionLikeDeclaration,
  host: ts.CallExpression,
  checker: ts.TypeChecker,
  root: string | null,
  name: string | null,
): ContainerContext {
  const label = root && !ts.isPropertyAccessExpression(host.expression) ? root : host.expression.getText();
  const expected = getExpectedReturn(fn, checker);
  if (expected === 'promise') return { kind: 'callback', fn, host, rewrite: 'none' };
  const ignoring = findResultIgnoringCaller(root, name);
  if (expected === 'void' || (expected === null && ignoring)) {
    return boundary(
      'callback',
      `a callback passed to \`${label}\`, whose result ` +
        (ignoring ? `${ignoring.who} ignore` : 'its type says is ignored (`void`)'),
      `made async, an error it throws would become an unhandled rejection instead of reaching the caller's error ` +
        `handling${ignoring?.kind === 'method' && ignoring.names.includes('use') ? ' (the error middleware)' : ''}; ` +
        `move the awaited work out of the callback, or catch its errors inside it and rerun with --mark-boundaries`,
    );
  }
  if (expected !== null) {
    return boundary(
      'callback',
      `a callback passed to \`${label}\`, whose caller uses the \`${expected}\` it returns at once`,
      `keep the callback synchronous: compute what it needs before \`${label}\` runs (a synchronous cache)`,
    );
  }
  return boundary(
    'callback',
    `a callback passed to \`${label}\`, which may ignore returned promises`,
    `if \`${label}\` awaits what its callback returns (Express 5 routes do, event emitters and timers do not), make ` +
      `the callback async by hand or rerun with --mark-boundaries; otherwise move the awaited work out of the callback`,
  );
}

/** 'promise', 'void', the text of a type whose value is used, or null. */
type ExpectedReturn = string | null;

/**
 * What TypeScript says the callback's caller expects back: 'promise' when a promise is accepted
 * (`() => void | Promise<void>`), 'void' when the result is ignored, the type's text when a value is
 * used, null when nothing is known (untyped JavaScript, `any`).
 */
function getExpectedReturn(fn: ts.FunctionLikeDeclaration, checker: ts.TypeChecker): ExpectedReturn {
  if (!ts.isFunctionExpression(fn) && !ts.isArrowFunction(fn)) return null;
  const contextual = checker.getContextualType(fn);
  const signatures = contextual?.getNonNullableType().getCallSignatures() ?? [];
  if (signatures.length === 0) return null;
  const returns = signatures.map((signature) => checker.getReturnTypeOfSignature(signature));
  const parts = returns.flatMap((type) => (type.isUnion() ? type.types : [type]));
  if (parts.some((type) => type.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown | ts.TypeFlags.TypeParameter)))
    return null;
  if (parts.some((type) => type.getProperty('then') !== undefined)) return 'promise';
  if (parts.every((type) => type.flags & (ts.TypeFlags.Void | ts.TypeFlags.Undefined))) return 'void';
  return checker.typeToString(returns[0]);
}

/** `it` of `it.only(…)`, `describe` of `describe.each(t)(…)`. */
function getCalleeRoot(callee: ts.Expression): string | null {
  let current: ts.Expression = callee;
  while (ts.isPropertyAccessExpression(current) || ts.isCallExpression(current)) current = current.expression;
  return ts.isIdentifier(current) ? current.text : null;
}

/**
 * Whether the array method's receiver is known to be an array: a `forEach` on a receiver of unknown
 * type may be a Map's or a Set's, whose loop must iterate `.values()` to see what forEach passed.
 */
export function isKnownArrayCall(host: ts.CallExpression, checker: ts.TypeChecker): boolean {
  if (!ts.isPropertyAccessExpression(host.expression)) return false;
  const owner = checker.getSymbolAtLocation(host.expression.name)?.declarations?.[0]?.parent;
  return Boolean(owner && ts.isInterfaceDeclaration(owner) && /^(Readonly)?Array$/.test(owner.name.text));
}

/** `m.forEach(…)` where m is a Map or a Set (typed): its loop goes over `.values()` / `.entries()`. */
function isCollectionForEach(host: ts.CallExpression, checker: ts.TypeChecker): boolean {
  if (!ts.isPropertyAccessExpression(host.expression)) return false;
  const owner = checker.getSymbolAtLocation(host.expression.name)?.declarations?.[0]?.parent;
  return Boolean(owner && ts.isInterfaceDeclaration(owner) && /^(Readonly)?(Map|Set)$/.test(owner.name.text));
}

/** `x.map(…)` where x is an array, or of an unknown type (untyped JavaScript). */
function isArrayMethodCall(host: ts.CallExpression, checker: ts.TypeChecker): boolean {
  if (!ts.isPropertyAccessExpression(host.expression)) return false;
  const symbol = checker.getSymbolAtLocation(host.expression.name);
  if (!symbol) return true;
  const owner = symbol.declarations?.[0]?.parent;
  return Boolean(owner && ts.isInterfaceDeclaration(owner) && /^(Readonly)?Array$/.test(owner.name.text));
}
