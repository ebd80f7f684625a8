/**
 * Reading the TypeScript syntax tree the way the jscodeshift side sees it: which function a node runs
 * in, the dotted name a user writes for a function (`Db.query`), and offsets that match Babel's
 * `node.start` / `node.end` so applyPlan can find the same nodes.
 */
import { ts } from 'ts-morph';
import type { PlannedPosition } from './types';

/** Functions with a body, plus the declarations that describe one (interface members, overloads). */
export type FunctionEntity = ts.SignatureDeclaration | ts.PropertySignature;

/** Where code runs: a function, a class field initialiser, a static block, or the module top level. */
export type Container =
  ts.FunctionLikeDeclaration | ts.PropertyDeclaration | ts.ClassStaticBlockDeclaration | ts.SourceFile;

export function isFunctionWithBody(node: ts.Node): node is ts.FunctionLikeDeclaration {
  return (
    (ts.isFunctionDeclaration(node) ||
      ts.isFunctionExpression(node) ||
      ts.isArrowFunction(node) ||
      ts.isMethodDeclaration(node) ||
      ts.isConstructorDeclaration(node) ||
      ts.isGetAccessorDeclaration(node) ||
      ts.isSetAccessorDeclaration(node)) &&
    node.body !== undefined
  );
}

/** The innermost function, field initialiser or static block around `node`, else its source file. */
export function getContainer(node: ts.Node): Container {
  let current: ts.Node = node.parent;
  let child: ts.Node = node;
  while (!ts.isSourceFile(current)) {
    if (isFunctionWithBody(current)) return current;
    if (ts.isClassStaticBlockDeclaration(current)) return current;
    if (ts.isPropertyDeclaration(current) && current.initializer === child) return current;
    child = current;
    current = current.parent;
  }
  return current;
}

export function isAsyncFunction(node: ts.Node): boolean {
  return (ts.getCombinedModifierFlags(node as ts.Declaration) & ts.ModifierFlags.Async) !== 0;
}

/** Skips parentheses and type assertions, which do not change how a value is used. */
export function skipOuterExpressions(node: ts.Node): ts.Node {
  let current = node;
  while (
    ts.isParenthesizedExpression(current.parent) ||
    ts.isAsExpression(current.parent) ||
    ts.isNonNullExpression(current.parent) ||
    ts.isSatisfiesExpression(current.parent) ||
    ts.isTypeAssertionExpression(current.parent)
  ) {
    current = current.parent;
  }
  return current;
}

function getPropertyNameText(name: ts.PropertyName | ts.MemberName | undefined): string | null {
  if (!name) return null;
  if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name)) return name.text;
  if (ts.isPrivateIdentifier(name)) return name.text;
  return null;
}

/** The name calls use for a function: `query` for `Db.query`, `x` for `exports.x = function`. */
export function getCallableName(fn: ts.Node): string | null {
  if (ts.isFunctionDeclaration(fn) || ts.isMethodDeclaration(fn) || ts.isMethodSignature(fn)) {
    return getPropertyNameText(fn.name);
  }
  if (ts.isPropertySignature(fn)) return getPropertyNameText(fn.name);
  const parent = fn.parent;
  if (ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name)) return parent.name.text;
  if (ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent)) return getPropertyNameText(parent.name);
  if (ts.isBinaryExpression(parent) && ts.isPropertyAccessExpression(parent.left)) {
    const name = parent.left.name.text;
    return name === 'exports' ? null : name;
  }
  if (ts.isFunctionExpression(fn) && fn.name) return fn.name.text;
  return null;
}

/** `a.b.c` of a member chain, with `this`, `exports`, `module.exports` and `.prototype` dropped. */
function getMemberPath(node: ts.Expression): string | null {
  if (ts.isIdentifier(node)) return node.text;
  if (node.kind === ts.SyntaxKind.ThisKeyword) return '';
  if (!ts.isPropertyAccessExpression(node)) return null;
  const object = getMemberPath(node.expression);
  const prop = node.name.text;
  if (object === null) return null;
  if (object === 'module' && prop === 'exports') return '';
  if (object === 'exports' || object === '') return prop;
  if (prop === 'prototype') return object;
  return `${object}.${prop}`;
}

function getClassName(member: ts.Node): string | null {
  const owner = member.parent;
  if ((ts.isClassDeclaration(owner) || ts.isClassExpression(owner)) && owner.name) return owner.name.text;
  if (ts.isInterfaceDeclaration(owner)) return owner.name.text;
  if (ts.isClassExpression(owner) && ts.isVariableDeclaration(owner.parent) && ts.isIdentifier(owner.parent.name)) {
    return owner.parent.name.text;
  }
  return null;
}

function getObjectName(literal: ts.Node): string | null {
  const holder = literal.parent;
  if (ts.isVariableDeclaration(holder) && ts.isIdentifier(holder.name)) return holder.name.text;
  if (ts.isBinaryExpression(holder)) return getMemberPath(holder.left);
  return null;
}

function joinName(base: string | null, key: string | null): string | null {
  if (!key) return null;
  return base ? `${base}.${key}` : key;
}

/** The same dotted path `transforms/shared/function-name.ts` computes on the Babel tree. */
export function getNamePath(fn: ts.Node): string | null {
  if (ts.isFunctionDeclaration(fn)) return fn.name?.text ?? null;
  if (ts.isMethodDeclaration(fn) || ts.isGetAccessorDeclaration(fn) || ts.isSetAccessorDeclaration(fn)) {
    const key = getPropertyNameText(fn.name);
    if (ts.isObjectLiteralExpression(fn.parent)) return joinName(getObjectName(fn.parent), key);
    return joinName(getClassName(fn), key);
  }
  if (ts.isMethodSignature(fn) || ts.isPropertySignature(fn))
    return joinName(getClassName(fn), getPropertyNameText(fn.name));
  const parent = fn.parent;
  if (!parent) return null;
  if (ts.isVariableDeclaration(parent)) return ts.isIdentifier(parent.name) ? parent.name.text : null;
  if (ts.isBinaryExpression(parent) && parent.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
    return getMemberPath(parent.left) || null;
  }
  if (ts.isPropertyDeclaration(parent)) return joinName(getClassName(parent), getPropertyNameText(parent.name));
  if (ts.isPropertyAssignment(parent)) return joinName(getObjectName(parent.parent), getPropertyNameText(parent.name));
  return null;
}

/** Babel starts a function declaration after `export` / `export default`; TypeScript includes them. */
export function getBabelStart(node: ts.Node, file: ts.SourceFile): number {
  let start = node.getStart(file);
  if (ts.isFunctionDeclaration(node) || ts.isClassDeclaration(node)) {
    const prefix = /^export\s+(?:default\s+)?/.exec(file.text.slice(start, start + 40));
    if (prefix) start += prefix[0].length;
  }
  return start;
}

/** 1-based line and column of a node's start, for people (diagnostics, chains); a tab is one column. */
export function getPosition(
  node: ts.Node,
  file: ts.SourceFile = node.getSourceFile(),
): { line: number; column: number } {
  const start = file.getLineAndCharacterOfPosition(getBabelStart(node, file));
  return { line: start.line + 1, column: start.character + 1 };
}

/** A node's file and 1-based line and column, for a diagnostic about it. */
export function getLocation(node: ts.Node): { file: string; line: number; column: number } {
  return { file: node.getSourceFile().fileName, ...getPosition(node) };
}

/** Where the plan names a node: its start offset, as Babel's `node.start` gives it. */
export function getPlannedStart(node: ts.Node, file: ts.SourceFile = node.getSourceFile()): PlannedPosition {
  return { start: getBabelStart(node, file) };
}

/** Start and end offsets, for nodes that can share a start with another of their kind (`a.b().c()`). */
export function getPlannedRange(node: ts.Node, file: ts.SourceFile = node.getSourceFile()): PlannedPosition {
  return { start: getBabelStart(node, file), end: node.getEnd() };
}

export function formatLocation(node: ts.Node, cwd: string): string {
  const file = node.getSourceFile();
  const { line, column } = getPosition(node, file);
  const relative = file.fileName.startsWith(`${cwd}/`) ? file.fileName.slice(cwd.length + 1) : file.fileName;
  return `${relative}:${line}:${column}`;
}

/** The name to show for a function in reasons and chains. */
export function describeFunction(fn: ts.Node): string {
  if (ts.isConstructorDeclaration(fn)) return `${getClassName(fn) ?? 'class'} constructor`;
  if (ts.isGetAccessorDeclaration(fn)) return `getter ${getNamePath(fn) ?? '(anonymous)'}`;
  if (ts.isSetAccessorDeclaration(fn)) return `setter ${getNamePath(fn) ?? '(anonymous)'}`;
  if (ts.isSourceFile(fn)) return 'module top level';
  const name = getNamePath(fn);
  if (name) return name;
  const parent = fn.parent;
  if (parent && ts.isCallExpression(parent) && parent.arguments.includes(fn as ts.Expression)) {
    return `callback of ${parent.expression.getText()}`;
  }
  return '(anonymous function)';
}
