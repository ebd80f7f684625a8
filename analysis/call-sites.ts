/**
 * What a call to a newly async function needs where it stands: how its value is used (awaited
 * already, used as a promise, returned, or used as a value) and what the code around it is (a function
 * whose callers can be found, a callback of a known API, a context that cannot be async, top level).
 */
import { ts } from 'ts-morph';
import { getCalleeName } from './call-index';
import { explainForEachLoopRefusal, explainMapLoopRefusal } from './map-loop';
import { isAsyncFunction, isFunctionWithBody, skipOuterExpressions, type Container } from './syntax';

/** `awaited`/`promise`: nothing to do; `return`: returned outside try, no await; `value`: await it. */
export type CallUse = 'awaited' | 'promise' | 'return' | 'value';

const promiseCombinators = new Set(['all', 'allSettled', 'race', 'any', 'resolve']);
const promiseMethods = new Set(['then', 'catch', 'finally']);

export function classifyUse(call: ts.Expression): CallUse {
  const outer = skipOuterExpressions(call);
  const parent = outer.parent;
  if (ts.isAwaitExpression(parent) || ts.isVoidExpression(parent))
    return ts.isAwaitExpression(parent) ? 'awaited' : 'promise';
  if (ts.isPropertyAccessExpression(parent) && parent.expression === outer && promiseMethods.has(parent.name.text)) {
    return 'promise';
  }
  if (isPromiseCombinatorArgument(parent, outer)) return 'promise';
  const returned = ts.isReturnStatement(parent) || (ts.isArrowFunction(parent) && parent.body === outer);
  if (returned) return isInsideTry(outer) ? 'value' : 'return';
  return 'value';
}

/** `Promise.all([f(), g()])`, `Promise.resolve(f())`. */
function isPromiseCombinatorArgument(parent: ts.Node, node: ts.Node): boolean {
  const call = ts.isArrayLiteralExpression(parent) ? parent.parent : parent;
  if (!ts.isCallExpression(call) || !ts.isPropertyAccessExpression(call.expression)) return false;
  const callee = call.expression;
  return (
    ts.isIdentifier(callee.expression) &&
    callee.expression.text === 'Promise' &&
    promiseCombinators.has(callee.name.text) &&
    (call.arguments.includes(node as ts.Expression) || call.arguments.includes(parent as ts.Expression))
  );
}

/** Inside a `try` block (or a `catch` with a `finally`) of its own function: a returned promise escapes it. */
function isInsideTry(node: ts.Node): boolean {
  let child = node;
  let current = node.parent;
  while (current && !isFunctionWithBody(current) && !ts.isSourceFile(current)) {
    if (ts.isTryStatement(current)) {
      if (current.tryBlock === child) return true;
      if (current.catchClause === child && current.finallyBlock) return true;
    }
    child = current;
    current = current.parent;
  }
  return false;
}

/** The array calls whose callback is inlined into a `for…of` loop that awaits. */
export type LoopRewrite = 'for-of' | 'map-loop';

/**
 * What becomes of an array call whose callback became async: a loop (`LoopRewrite`), the map wrapped
 * in `Promise.all` (only with `--parallel-map`: the calls then run at the same time), or nothing.
 */
export type CallbackRewrite = LoopRewrite | 'promise-all' | 'none';

export interface ClassifyOptions {
  /** `--parallel-map`: `arr.map(cb)` → `await Promise.all(arr.map(async cb))`, accepting the change of concurrency. */
  parallelMap: boolean;
}

const defaultClassifyOptions: ClassifyOptions = { parallelMap: false };

/** What to do with a `map` whose callback became async and that cannot become a loop here. */
export const mapAdvice =
  'rewrite the call as a `for…of` loop that awaits each item, as `map` ran them one after another (or use `await Promise.all(…)`, or rerun with --parallel-map, if running them all at once is fine)';

export type BoundaryKind =
  | 'constructor'
  | 'getter'
  | 'setter'
  | 'class-field'
  | 'static-block'
  | 'generator'
  | 'default-parameter'
  | 'callback'
  | 'array-callback'
  | 'describe'
  | 'function-value'
  | 'module-top-level'
  | 'sync-protocol'
  | 'sync-hook'
  | 'library-member';

export type ContainerContext =
  | { kind: 'async-already' }
  /** A function whose callers are found through the index. */
  | { kind: 'function'; fn: ts.FunctionLikeDeclaration }
  /** `arr.map(cb)` and `arr.forEach(cb)` → for…of (see map-loop.ts); then/test callbacks just become async. */
  | { kind: 'callback'; fn: ts.FunctionLikeDeclaration; host: ts.CallExpression; rewrite: CallbackRewrite }
  | { kind: 'iife'; fn: ts.FunctionLikeDeclaration; host: ts.CallExpression }
  | { kind: 'top-level'; file: ts.SourceFile }
  | { kind: 'boundary'; boundary: BoundaryKind; what: string; advice: string };

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

export function classifyContainer(
  container: Container,
  call: ts.Node,
  checker: ts.TypeChecker,
  options: ClassifyOptions = defaultClassifyOptions,
): ContainerContext {
  if (ts.isSourceFile(container)) return { kind: 'top-level', file: container };
  if (ts.isPropertyDeclaration(container)) {
    return boundary(
      'class-field',
      'a class field initialiser',
      'initialise the field in an async method or a static async factory',
    );
  }
  if (ts.isClassStaticBlockDeclaration(container)) {
    return boundary('static-block', 'a static initialisation block', 'move the work into a static async method');
  }
  if (ts.isConstructorDeclaration(container)) {
    return boundary(
      'constructor',
      'a constructor',
      'add a static async factory (`static async create()`) that awaits and then constructs',
    );
  }
  if (ts.isGetAccessorDeclaration(container) || isDefinePropertyAccessor(container, 'get')) {
    return boundary('getter', 'a getter', 'turn the getter into an async method (`async getX()`)');
  }
  if (ts.isSetAccessorDeclaration(container) || isDefinePropertyAccessor(container, 'set')) {
    return boundary('setter', 'a setter', 'turn the setter into an async method (`async setX(value)`)');
  }
  const parameter = findEnclosingParameter(call, container);
  if (parameter && !isMovableDefault(parameter, container)) {
    return boundary('default-parameter', 'a default parameter value', 'compute the default inside the function body');
  }
  if (isAsyncFunction(container)) return { kind: 'async-already' };
  const protocol = getSyncProtocolName(container);
  if (protocol) {
    return boundary(
      'sync-protocol',
      `\`${protocol}\`, which the language calls synchronously`,
      `keep \`${protocol}\` synchronous and add an async method beside it`,
    );
  }
  if (container.asteriskToken) {
    return boundary(
      'generator',
      'a generator function',
      'convert the generator by hand (an async generator changes its consumers)',
    );
  }
  return classifyFunctionValue(container, checker, options);
}

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

/** Methods the runtime calls and uses the result of synchronously (`String(x)`, `JSON.stringify(x)`, `for…of`). */
const syncProtocolNames = new Set([
  'toString',
  'valueOf',
  'toJSON',
  'toLocaleString',
  '[Symbol.iterator]',
  '[Symbol.toPrimitive]',
]);

function getSyncProtocolName(fn: ts.FunctionLikeDeclaration): string | null {
  if (!ts.isMethodDeclaration(fn)) return null;
  const name = ts.isComputedPropertyName(fn.name) ? `[${fn.name.expression.getText()}]` : fn.name.getText();
  return syncProtocolNames.has(name) ? name : null;
}

function boundary(kind: BoundaryKind, what: string, advice: string): ContainerContext {
  return { kind: 'boundary', boundary: kind, what, advice };
}

/** The parameter whose default value holds `node`, if any. */
export function findEnclosingParameter(node: ts.Node, container: ts.Node): ts.ParameterDeclaration | null {
  let current = node.parent;
  while (current && current !== container) {
    if (ts.isParameter(current)) return current;
    current = current.parent;
  }
  return null;
}

/**
 * `function f(a, b = g())` → `async function f(a, b) { if (b === undefined) b = await g(); … }` keeps
 * the semantics when `b` is a plain name and no later parameter has a default (which would otherwise
 * be evaluated before it).
 */
function isMovableDefault(parameter: ts.ParameterDeclaration, fn: ts.FunctionLikeDeclaration): boolean {
  if (!ts.isIdentifier(parameter.name) || !parameter.initializer || parameter.dotDotDotToken) return false;
  const index = fn.parameters.indexOf(parameter);
  return fn.parameters.slice(index + 1).every((p) => !p.initializer) && fn.body !== undefined;
}

/** `Object.defineProperty(o, 'x', { get() {…} })` or `{ get: function () {…} }`. */
function isDefinePropertyAccessor(fn: ts.FunctionLikeDeclaration, key: 'get' | 'set'): boolean {
  const holder = ts.isMethodDeclaration(fn) ? fn : ts.isPropertyAssignment(fn.parent) ? fn.parent : null;
  if (!holder || !holder.name || !ts.isIdentifier(holder.name) || holder.name.text !== key) return false;
  const literal = holder.parent;
  const call = literal.parent;
  return (
    ts.isObjectLiteralExpression(literal) &&
    ts.isCallExpression(call) &&
    ts.isPropertyAccessExpression(call.expression) &&
    /^define(Property|Properties)$/.test(call.expression.name.text)
  );
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
        `\`${name}\` needs its callback's answer at once, and an async callback answers with a promise; rewrite the call as a \`for…of\` loop that awaits`,
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
    `if \`${label}\` awaits what its callback returns (Express 5 routes do, event emitters and timers do not), make the callback async by hand or rerun with --mark-boundaries; otherwise move the awaited work out of the callback`,
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
