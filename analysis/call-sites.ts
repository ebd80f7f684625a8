/**
 * What the code around a call to a newly async function is: a function whose callers can be found, a
 * callback of a known API (callback-sites.ts), a context that cannot be async, or a module's top level.
 */
import { ts } from 'ts-morph';
import { classifyFunctionValue } from './callback-sites';
import { boundary, defaultClassifyOptions, type ClassifyOptions, type ContainerContext } from './site-context';
import { isAsyncFunction, type Container } from './syntax';

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
