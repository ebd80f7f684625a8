/**
 * Who owns the object a function value is stored on or handed to: the code being migrated (its
 * callers can be found and changed) or a library, a global, a parameter (they cannot).
 */
import { ts } from 'ts-morph';
import { skipOuterExpressions } from './syntax';

export const globalNames = new Set(['global', 'globalThis', 'window', 'self']);

/** The root of `a.b.c` (`a`), `this`, or null. */
function getRoot(expression: ts.Expression): ts.Expression | null {
  let current = expression;
  while (ts.isPropertyAccessExpression(current) || ts.isElementAccessExpression(current)) current = current.expression;
  return ts.isIdentifier(current) || current.kind === ts.SyntaxKind.ThisKeyword ? current : null;
}

export function isDeclaredInProject(declaration: ts.Node): boolean {
  const file = declaration.getSourceFile();
  return !file.isDeclarationFile && !/[\\/]node_modules[\\/]/.test(file.fileName);
}

/**
 * Whether the code owns the object a property is assigned on: `exports`/`module`, `this`, a prototype,
 * a local object or class. A parameter, an import, a global or anything unresolved is someone else's.
 */
export function isForeignTarget(target: ts.Expression, checker: ts.TypeChecker): { foreign: boolean; global: boolean } {
  const root = getRoot(target);
  if (!root || root === target) return { foreign: false, global: false };
  if (root.kind === ts.SyntaxKind.ThisKeyword) return { foreign: false, global: false };
  const name = (root as ts.Identifier).text;
  if (name === 'exports' || name === 'module') return { foreign: false, global: false };
  if (globalNames.has(name)) return { foreign: true, global: true };
  const declaration = checker.getSymbolAtLocation(root)?.declarations?.[0];
  if (!declaration || !isDeclaredInProject(declaration)) return { foreign: true, global: false };
  if (ts.isParameter(declaration) || ts.isImportSpecifier(declaration) || ts.isImportClause(declaration))
    return { foreign: true, global: false };
  if (ts.isNamespaceImport(declaration) || ts.isImportEqualsDeclaration(declaration))
    return { foreign: true, global: false };
  if (ts.isVariableDeclaration(declaration) && declaration.initializer) {
    const init = skipOuterExpressions(declaration.initializer);
    // `const md = require('markdown-it')()`: an object a library made
    if (ts.isCallExpression(init) || ts.isNewExpression(init))
      return { foreign: !isLocalFactory(init, checker), global: false };
  }
  return { foreign: false, global: false };
}

/** `const markdownIt = require('markdown-it')` or an import from a package: the value is a library's. */
export function isLibraryImport(declaration: ts.Node): boolean {
  const isPackage = (specifier: ts.Node | undefined): boolean =>
    specifier !== undefined && ts.isStringLiteralLike(specifier) && !/^[./]/.test(specifier.text);
  if (ts.isVariableDeclaration(declaration) && declaration.initializer) {
    const init = skipOuterExpressions(declaration.initializer);
    return (
      ts.isCallExpression(init) &&
      ts.isIdentifier(init.expression) &&
      init.expression.text === 'require' &&
      isPackage(init.arguments[0])
    );
  }
  const importDeclaration = ts.findAncestor(declaration, ts.isImportDeclaration);
  if (importDeclaration) return isPackage(importDeclaration.moduleSpecifier);
  if (ts.isImportEqualsDeclaration(declaration) && ts.isExternalModuleReference(declaration.moduleReference))
    return isPackage(declaration.moduleReference.expression);
  return false;
}

/** `new Local()` / `makeLocal()` where the class or function is declared in the project. */
function isLocalFactory(init: ts.CallExpression | ts.NewExpression, checker: ts.TypeChecker): boolean {
  const declaration = checker.getSymbolAtLocation(init.expression)?.declarations?.[0];
  return Boolean(declaration && isDeclaredInProject(declaration) && !ts.isImportSpecifier(declaration));
}

export function describeTarget(target: ts.Expression): string {
  const text = target.getText();
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}
