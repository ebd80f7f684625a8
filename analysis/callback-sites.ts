/**
 * A function used as a value: a declaration or assignment whose callers can be found by name, an IIFE,
 * or a callback whose host decides: promise handlers and test callbacks just become async, array
 * `map`/`forEach` become loops (map-loop.ts), anything else is a boundary.
 */
import { ts } from 'ts-morph';
import { getCalleeName } from './call-index';
import { classifyUse, promiseMethods } from './call-use';
import { explainForEachLoopRefusal, explainMapLoopRefusal } from './map-loop';
import {
  boundary,
  defaultClassifyOptions,
  mapAdvice,
  type ClassifyOptions,
  type ContainerContext,
} from './site-context';
import { skipOuterExpressions } from './syntax';

const testCallbacks = new Set(['it', 'test', 'beforeEach', 'afterEach', 'beforeAll', 'afterAll', 'before', 'after']);
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
  if (name && promiseMethods.has(name)) return { kind: 'callback', fn, host, rewrite: 'none' };
  if (root && testCallbacks.has(root)) return { kind: 'callback', fn, host, rewrite: 'none' };
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
  const label = root && !ts.isPropertyAccessExpression(host.expression) ? root : host.expression.getText();
  return boundary(
    'callback',
    `a callback passed to \`${label}\`, which may ignore returned promises`,
    `if \`${label}\` awaits what its callback returns (Express 5 routes do, event emitters and timers do not), make ` +
      `the callback async by hand or rerun with --mark-boundaries; otherwise move the awaited work out of the callback`,
  );
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
