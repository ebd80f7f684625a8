/**
 * When `arr.map(cb)` can become a loop that awaits each item in turn, as the synchronous `map` ran
 * them (research/semantics.md §7: `Promise.all(arr.map(async …))` would start them all at once, keep
 * running the rest after one fails, and reorder their side effects):
 *
 *   return lines.map((line) => query(line)).join('\n');      const lines2 = [];
 *                                                        →    for (const line of lines) {
 *                                                               lines2.push(await query(line));
 *                                                             }
 *                                                             return lines2.join('\n');
 *
 * The map must be what its statement evaluates first (the object of a chain such as `.join()`, in a
 * `return`, an expression statement or a declaration's value, in a block, or an arrow function's
 * expression body), so that running it just before the statement changes no order; and its callback
 * must read the same inside a loop body.
 */
import { ts } from 'ts-morph';
import { isFunctionWithBody, skipOuterExpressions } from './syntax';

/** Why `arr.map(cb)` cannot become a loop here, or null when it can. */
export function explainMapLoopRefusal(fn: ts.FunctionLikeDeclaration, host: ts.CallExpression): string | null {
  if (host.arguments.length !== 1 || !ts.isPropertyAccessExpression(host.expression))
    return 'the map is given a `this` argument';
  if (isInOptionalChain(host)) return 'the map is part of an optional chain (`?.`), which a loop would not skip';
  if (!hasLoopableParameters(fn)) return 'its callback takes the array itself, a rest or a default parameter';
  if (!hasLoopableBody(fn)) return 'its callback returns before its end, or uses its own `this` or `arguments`';
  if (usesParameterNames(host.expression.expression, fn))
    return 'the mapped expression uses a name the callback declares';
  if (findLoopStatement(host) === null) {
    return (
      'the map is not what its statement evaluates first (it sits in a condition, an argument, an assignment ' +
      'or a statement without braces), so running it before the statement would change the order'
    );
  }
  return null;
}

/** `a?.map(cb)`, `a?.b.map(cb)`: when `a` is null the whole chain is skipped. */
export function isInOptionalChain(host: ts.CallExpression): boolean {
  return ts.isOptionalChain(host) || ts.isOptionalChain(host.expression);
}

/** Why the statement `arr.forEach(cb)` cannot become a loop, or null when it can. */
export function explainForEachLoopRefusal(fn: ts.FunctionLikeDeclaration, host: ts.CallExpression): string | null {
  if (host.arguments.length !== 1 || !ts.isPropertyAccessExpression(host.expression))
    return 'the forEach is given a `this` argument';
  if (isInOptionalChain(host)) return 'the forEach is part of an optional chain (`?.`), which a loop would not skip';
  const statement = skipOuterExpressions(host).parent;
  if (!ts.isExpressionStatement(statement)) return 'the value of the forEach call is used';
  if (!hasLoopableParameters(fn)) return 'its callback takes the array itself, a rest or a default parameter';
  if (hasOwnReturnOrThis(fn, null))
    return 'its callback returns early (a `return` would end the loop), or uses its own `this` or `arguments`';
  if (usesParameterNames(host.expression.expression, fn))
    return 'the iterated expression uses a name the callback declares';
  return null;
}

function hasLoopableParameters(fn: ts.FunctionLikeDeclaration): boolean {
  if (fn.parameters.length > 2 || fn.parameters.some((p) => p.dotDotDotToken || p.initializer)) return false;
  return fn.parameters.length < 2 || ts.isIdentifier(fn.parameters[1].name);
}

/** An expression body, or a block whose only `return` is its last statement; no own `this`. */
function hasLoopableBody(fn: ts.FunctionLikeDeclaration): boolean {
  const body = fn.body;
  if (!body) return false;
  if (!ts.isBlock(body)) return true;
  const last = body.statements[body.statements.length - 1];
  if (!last || !ts.isReturnStatement(last) || !last.expression) return false;
  return !hasOwnReturnOrThis(fn, last);
}

/** A `return` of the callback itself other than `allowed`, or its own `this` / `arguments`. */
function hasOwnReturnOrThis(fn: ts.FunctionLikeDeclaration, allowed: ts.ReturnStatement | null): boolean {
  const body = fn.body;
  if (!body || !ts.isBlock(body)) return false;
  let found = false;
  const visit = (node: ts.Node, nested: boolean): void => {
    if (found) return;
    if (ts.isReturnStatement(node) && !nested && node !== allowed) found = true;
    const usesOwnThis = node.kind === ts.SyntaxKind.ThisKeyword || (ts.isIdentifier(node) && node.text === 'arguments');
    if (ts.isFunctionExpression(fn) && usesOwnThis && !nested) found = true;
    const entersFunction = isFunctionWithBody(node);
    if (entersFunction && !ts.isArrowFunction(node)) return;
    ts.forEachChild(node, (child) => visit(child, nested || entersFunction));
  };
  ts.forEachChild(body, (child) => visit(child, false));
  return found;
}

/** `items.map((items) => …)`: as `for (const items of items)` the array would read the loop's binding. */
function usesParameterNames(array: ts.Expression, fn: ts.FunctionLikeDeclaration): boolean {
  const names = new Set<string>();
  const collect = (name: ts.BindingName): void => {
    if (ts.isIdentifier(name)) names.add(name.text);
    else for (const element of name.elements) if (!ts.isOmittedExpression(element)) collect(element.name);
  };
  fn.parameters.forEach((p) => collect(p.name));
  let found = false;
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node) && names.has(node.text)) found = true;
    if (!found) ts.forEachChild(node, visit);
  };
  visit(array);
  return found;
}

/**
 * The statement the map can run just before: the map is the innermost object of the statement's
 * expression (`map(…)`, `map(…).join()`, `map(…).length`), and the statement sits in a block.
 */
export function findLoopStatement(host: ts.CallExpression): ts.Statement | ts.ArrowFunction | null {
  let current: ts.Node = host;
  for (;;) {
    const parent: ts.Node = current.parent;
    const isObject =
      (ts.isPropertyAccessExpression(parent) && parent.expression === current) ||
      (ts.isElementAccessExpression(parent) && parent.expression === current) ||
      (ts.isCallExpression(parent) && parent.expression === current) ||
      ts.isParenthesizedExpression(parent);
    if (!isObject) break;
    current = parent;
  }
  const statement = current.parent;
  // `(ids) => ids.map(…)`: the arrow gets a block body `{ …loop…; return …; }`
  if (ts.isArrowFunction(statement) && statement.body === current) return statement;
  const inBlock = (node: ts.Node) => ts.isBlock(node.parent) || ts.isSourceFile(node.parent);
  if ((ts.isReturnStatement(statement) || ts.isExpressionStatement(statement)) && inBlock(statement)) return statement;
  if (ts.isVariableDeclaration(statement) && statement.initializer === current) {
    const list = statement.parent;
    const declaration = list.parent;
    if (
      ts.isVariableDeclarationList(list) &&
      list.declarations.length === 1 &&
      ts.isVariableStatement(declaration) &&
      inBlock(declaration)
    )
      return declaration;
  }
  return null;
}

/**
 * `ids.map(price)` with `price` a function of ours: the arguments `map` would pass that it can read
 * (1 item, 2 and the index, 3 and the array), or null when the loop cannot call it the same way.
 * The array must be a plain name when the function reads it, since the loop names it again per call.
 */
export function countMapArguments(fn: ts.Node, reference: ts.Node, host: ts.CallExpression): number | null {
  if (!ts.isIdentifier(reference) || host.arguments.length !== 1 || !ts.isPropertyAccessExpression(host.expression))
    return null;
  if (findLoopStatement(host) === null || isInOptionalChain(host) || !isFunctionWithBody(fn)) return null;
  if (fn.parameters.some((p) => p.dotDotDotToken) || readsArguments(fn)) return null;
  const count = Math.min(3, Math.max(1, fn.parameters.length));
  if (count === 3 && !ts.isIdentifier(host.expression.expression)) return null;
  return count;
}

function readsArguments(fn: ts.FunctionLikeDeclaration): boolean {
  let found = false;
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node) && node.text === 'arguments') found = true;
    if (!found && !(isFunctionWithBody(node) && !ts.isArrowFunction(node))) ts.forEachChild(node, visit);
  };
  if (fn.body) ts.forEachChild(fn.body, visit);
  return found;
}
