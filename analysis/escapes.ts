/**
 * Functions whose callers are not in the code: they leave through a value, to a framework or a
 * global, where someone calls them and uses the result at once. Made async, they would hand that caller
 * a promise (markdown-it rendered `[object Promise]`; an ESLint visitor's reports vanish; a REPL
 * global prints a pending promise). Each is a boundary with what it is and what to do:
 *   md.renderer.rules.image = function (…) {…}        a property of an object this code does not create
 *   global.askAi = askAi  /  Object.defineProperty(global, 'askAi', { value: askAi })
 *   create(context) { return { CallExpression(node) {…} } }   an ESLint rule's visitors (Babel's `visitor` too)
 *   md.use(plugin, { highlight(code) {…} })           a method of an object handed to a library call
 *   export function makeHandler() { return handle; }   a function an exported factory returns
 *   function Page() { return <div/> }  / render()      a React component (React renders synchronously)
 */
import { ts } from 'ts-morph';
import type { CallIndex } from './call-index';
import type { BoundaryKind } from './site-context';
import { skipOuterExpressions, type FunctionEntity } from './syntax';
import { describeTarget, globalNames, isDeclaredInProject, isForeignTarget, isLibraryImport } from './value-owner';

export interface Escape {
  site: ts.Node;
  kind: BoundaryKind;
  what: string;
  advice: string;
}

const keepSync = 'keep it synchronous (run the async work before, or cache its result), or make that caller await it';

/** `target = value` where the target is a property of an object the code does not own. */
function checkAssignment(parent: ts.Node, value: ts.Node, checker: ts.TypeChecker): Escape | null {
  if (!ts.isBinaryExpression(parent) || parent.operatorToken.kind !== ts.SyntaxKind.EqualsToken) return null;
  if (parent.right !== value) return null;
  const { foreign, global } = isForeignTarget(parent.left, checker);
  if (!foreign) return null;
  return {
    site: parent.left,
    kind: 'escape',
    what: global
      ? `a global (\`${describeTarget(parent.left)}\`), which other code or a REPL calls synchronously`
      : `\`${describeTarget(parent.left)}\`, a property of an object this code does not create, whose caller uses ` +
        'the result at once',
    advice: keepSync,
  };
}

/** Where an object literal goes: handed to a library call, returned by an ESLint `create`, a Babel `visitor`, … */
function checkObjectFate(object: ts.ObjectLiteralExpression, checker: ts.TypeChecker): Escape | null {
  let outer: ts.Node = skipOuterExpressions(object);
  // a nested object: `{ rules: { image() {…} } }` goes where the outer one goes
  while (ts.isPropertyAssignment(outer.parent) && ts.isObjectLiteralExpression(outer.parent.parent)) {
    const key = outer.parent.name.getText();
    if (key === 'visitor') {
      return {
        site: outer.parent,
        kind: 'escape',
        what: 'a Babel plugin visitor, which Babel calls synchronously',
        advice: 'keep the visitor synchronous; do the async work before the transform runs',
      };
    }
    outer = skipOuterExpressions(outer.parent.parent);
  }
  const parent = outer.parent;
  if (ts.isReturnStatement(parent) || ts.isArrowFunction(parent)) {
    const fn = ts.isArrowFunction(parent) ? parent : ts.findAncestor(parent, ts.isFunctionLike);
    const name = fn && 'name' in fn && fn.name ? fn.name.getText() : '';
    if (name === 'create') {
      return {
        site: outer,
        kind: 'escape',
        what: "an ESLint rule's visitor, which ESLint calls synchronously (reports from an async visitor are lost)",
        advice: 'keep the visitor synchronous; compute what it needs before linting (a synchronous cache)',
      };
    }
    return null;
  }
  if (ts.isCallExpression(parent) && parent.arguments.includes(outer as ts.Expression)) {
    const callee = parent.expression;
    if (isDefinePropertyOnGlobal(parent)) {
      return {
        site: parent,
        kind: 'escape',
        what: `a global defined with \`${callee.getText()}\`, which other code or a REPL calls synchronously`,
        advice: keepSync,
      };
    }
    const declaration = checker.getSymbolAtLocation(ts.isPropertyAccessExpression(callee) ? callee.name : callee)
      ?.declarations?.[0];
    if (declaration && isDeclaredInProject(declaration) && !isLibraryImport(declaration)) return null;
    return {
      site: parent,
      kind: 'escape',
      what:
        `a method of an object passed to \`${describeTarget(callee)}\`, which calls it and may use its ` +
        'result at once',
      advice: `if \`${describeTarget(callee)}\` awaits what it returns, make it async by hand; otherwise ${keepSync}`,
    };
  }
  return checkAssignment(parent, outer, checker);
}

/** `Object.defineProperty(global, 'name', { value: fn })` and `Object.defineProperties(globalThis, …)`. */
function isDefinePropertyOnGlobal(call: ts.CallExpression): boolean {
  const callee = call.expression.getText();
  const target = call.arguments[0];
  return (
    /^Object\.definePropert(y|ies)$/.test(callee) &&
    target !== undefined &&
    ts.isIdentifier(target) &&
    globalNames.has(target.text)
  );
}

/** A function value written in place: assigned, or a member of an object literal. */
function checkFunctionValue(fn: FunctionEntity, checker: ts.TypeChecker): Escape | null {
  if (ts.isMethodDeclaration(fn) && ts.isObjectLiteralExpression(fn.parent)) return checkObjectFate(fn.parent, checker);
  if (!ts.isFunctionExpression(fn) && !ts.isArrowFunction(fn)) return null;
  const outer = skipOuterExpressions(fn);
  const parent = outer.parent;
  if (ts.isPropertyAssignment(parent) && ts.isObjectLiteralExpression(parent.parent))
    return checkObjectFate(parent.parent, checker);
  return checkAssignment(parent, outer, checker);
}

/** The name a function is referred to by: `function askAi`, `const askAi = …`. */
function getNameNode(fn: FunctionEntity): ts.Identifier | null {
  if ((ts.isFunctionDeclaration(fn) || ts.isFunctionExpression(fn)) && fn.name) return fn.name;
  const parent = skipOuterExpressions(fn).parent;
  if (ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name)) return parent.name;
  return null;
}

/**
 * Uses of a named function as a value in its own file: stored on a global, in a handed-off object,
 * returned by an export.
 */
function checkNamedValue(fn: FunctionEntity, checker: ts.TypeChecker): Escape | null {
  const name = getNameNode(fn);
  if (!name) return null;
  const symbol = checker.getSymbolAtLocation(name);
  if (!symbol) return null;
  let found: Escape | null = null;
  const visit = (node: ts.Node): void => {
    if (found) return;
    if (ts.isIdentifier(node) && node !== name && node.text === name.text && isValueUse(node)) {
      const resolved = checker.getSymbolAtLocation(node);
      const target = ts.isShorthandPropertyAssignment(node.parent)
        ? checker.getShorthandAssignmentValueSymbol(node.parent)
        : resolved;
      if (target === symbol) found = checkValueUse(node, checker);
    }
    ts.forEachChild(node, visit);
  };
  visit(fn.getSourceFile());
  return found;
}

/** Not a call of it, not its declaration, not a property name, not `typeof`. */
function isValueUse(node: ts.Identifier): boolean {
  const parent = node.parent;
  if (ts.isCallExpression(parent) && parent.expression === node) return false;
  if (ts.isPropertyAccessExpression(parent) && parent.name === node) return false;
  if (ts.isPropertyAssignment(parent) && parent.name === node) return false;
  if (ts.isFunctionDeclaration(parent) || ts.isVariableDeclaration(parent)) return false;
  return !ts.isTypeQueryNode(parent) && !ts.isExportSpecifier(parent) && !ts.isImportSpecifier(parent);
}

function checkValueUse(node: ts.Identifier, checker: ts.TypeChecker): Escape | null {
  const parent = node.parent;
  if (ts.isShorthandPropertyAssignment(parent) || (ts.isPropertyAssignment(parent) && parent.initializer === node)) {
    return ts.isObjectLiteralExpression(parent.parent) ? checkObjectFate(parent.parent, checker) : null;
  }
  if (ts.isReturnStatement(parent)) {
    const factory = ts.findAncestor(parent, ts.isFunctionLike);
    if (factory && isExported(factory)) {
      return {
        site: node,
        kind: 'escape',
        what: 'a function an exported factory returns, which its users call as they like',
        advice: keepSync,
      };
    }
    return null;
  }
  return checkAssignment(parent, node, checker);
}

function isExported(fn: ts.Node): boolean {
  const modifiers = ts.canHaveModifiers(fn) ? (ts.getModifiers(fn) ?? []) : [];
  if (modifiers.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) return true;
  const parent = skipOuterExpressions(fn).parent;
  if (ts.isVariableDeclaration(parent)) {
    const statement = parent.parent.parent;
    return (
      ts.isVariableStatement(statement) &&
      (ts.getModifiers(statement) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword)
    );
  }
  if (ts.isBinaryExpression(parent) && parent.right === skipOuterExpressions(fn)) {
    return /^(module\.)?exports(\.|$)/.test(parent.left.getText());
  }
  if (ts.isExportAssignment(parent)) return true;
  const name = ts.isFunctionDeclaration(fn) ? fn.name : ts.isVariableDeclaration(parent) ? parent.name : undefined;
  return name !== undefined && ts.isIdentifier(name) && isExportedByName(fn.getSourceFile(), name.text);
}

/** `module.exports = { name }`, `exports.x = name`, `export { name }` at a file's top level. */
function isExportedByName(file: ts.SourceFile, name: string): boolean {
  const mentions = (node: ts.Node): boolean =>
    (ts.isIdentifier(node) && node.text === name) ||
    Boolean(ts.forEachChild(node, (child) => mentions(child) || undefined));
  return file.statements.some((statement) => {
    if (ts.isExportDeclaration(statement)) return !statement.moduleSpecifier && mentions(statement);
    if (!ts.isExpressionStatement(statement)) return false;
    const expression = statement.expression;
    return (
      ts.isBinaryExpression(expression) &&
      expression.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
      /^(module\.)?exports(\.|$)/.test(expression.left.getText()) &&
      mentions(expression.right)
    );
  });
}

/** A React function component (returns JSX) or a class component's `render`. */
function checkReact(fn: FunctionEntity): Escape | null {
  if (ts.isMethodDeclaration(fn) && fn.name.getText() === 'render' && ts.isClassLike(fn.parent)) {
    const heritage = fn.parent.heritageClauses?.map((h) => h.getText()).join(' ') ?? '';
    if (/Component\b/.test(heritage)) return reactEscape(fn, "a React class component's `render`");
  }
  if (!/\.[jt]sx$/.test(fn.getSourceFile().fileName) || !('body' in fn) || !fn.body) return null;
  let returnsJsx = false;
  const visit = (node: ts.Node): void => {
    if (returnsJsx || (node !== fn.body && ts.isFunctionLike(node))) return;
    if (ts.isJsxElement(node) || ts.isJsxSelfClosingElement(node) || ts.isJsxFragment(node)) returnsJsx = true;
    else ts.forEachChild(node, visit);
  };
  visit(fn.body);
  return returnsJsx ? reactEscape(fn, 'a React component') : null;
}

function reactEscape(fn: FunctionEntity, what: string): Escape {
  return {
    site: fn,
    kind: 'react-component',
    what: `${what}, which React renders synchronously`,
    advice: 'load the data in an effect, a loader or a Suspense-aware data hook, and render from state',
  };
}

/** `{ value: askAi }` in any file: a property descriptor, for Object.defineProperty (often through a helper). */
function checkDescriptors(fn: FunctionEntity, index: CallIndex): Escape | null {
  const [assignment] = index.findDescriptorValuesOf(fn);
  if (!assignment) return null;
  return {
    site: assignment,
    kind: 'escape',
    what:
      `the \`${assignment.name.getText()}\` of a property descriptor, which defines a property (a REPL global, ` +
      'an API) whose callers use it synchronously',
    advice: keepSync,
  };
}

/** The first way `fn` leaves the code through a value, or null. */
export function findEscape(fn: FunctionEntity, checker: ts.TypeChecker, index: CallIndex): Escape | null {
  return (
    checkReact(fn) ?? checkFunctionValue(fn, checker) ?? checkNamedValue(fn, checker) ?? checkDescriptors(fn, index)
  );
}
