/**
 * One index of the call expressions of every loaded file, built in a single syntactic pass, resolved
 * with the type checker lazily and at most once per call: a call is resolved only when a function it
 * could name (same name, or a name bound by an import or a renaming export) became async. This replaces
 * one find-references query per function, which costs a language-service search each time.
 */
import { ts } from 'ts-morph';
import { getCallableName, isFunctionWithBody, type FunctionEntity } from './syntax';

/** A function passed as a value where a call expression expects a callback: `urls.map(fetchFile)`. */
export interface ValueReference {
  node: ts.Identifier | ts.PropertyAccessExpression;
  call: ts.CallExpression;
}

interface FileEntries {
  calls: Map<string, ts.CallExpression[]>;
  /** `f.call(…)`, `f.apply(…)`: calls of `f`, by its name. */
  callsThrough: Map<string, ts.CallExpression[]>;
  references: Map<string, ValueReference[]>;
  /** Local names bound by an import or require under another name than the export's. */
  renamedLocals: Set<string>;
}

export class CallIndex {
  private readonly byName = new Map<string, ts.CallExpression[]>();
  private readonly referencesByName = new Map<string, ValueReference[]>();
  private readonly callsThroughByName = new Map<string, ts.CallExpression[]>();
  private readonly renamed: ts.CallExpression[] = [];
  private readonly resolvedNames = new Set<string>();
  private renamedResolved = false;
  private readonly callsByTarget = new Map<ts.Node, ts.CallExpression[]>();
  private readonly referencesByTarget = new Map<ts.Node, ValueReference[]>();
  /** `x.m()` calls the checker could not resolve (x untyped), by method name. */
  private readonly unresolvedByName = new Map<string, ts.CallExpression[]>();
  /** Classes and interfaces with `extends` / `implements`, for interface and override dispatch. */
  readonly heritageTypes: (ts.ClassLikeDeclaration | ts.InterfaceDeclaration)[] = [];
  resolvedCount = 0;
  private readonly descriptorValuesByName = new Map<string, ts.PropertyAssignment[]>();

  constructor(
    private readonly checker: ts.TypeChecker,
    files: readonly ts.SourceFile[],
  ) {
    const exportedAliases = new Set<string>();
    const perFile = files.map((file) => this.collectFile(file, exportedAliases));
    for (const entries of perFile) {
      for (const [name, calls] of entries.calls) {
        if (entries.renamedLocals.has(name) || exportedAliases.has(name)) this.renamed.push(...calls);
        else append(this.byName, name, calls);
      }
      for (const [name, refs] of entries.references) append(this.referencesByName, name, refs);
      for (const [name, calls] of entries.callsThrough) append(this.callsThroughByName, name, calls);
    }
  }

  /** Calls that resolve to `fn`. */
  findCallsTo(fn: FunctionEntity): ts.CallExpression[] {
    this.resolveCandidates(getCallableName(fn));
    return this.callsByTarget.get(fn) ?? [];
  }

  /** Places where `fn` is passed as a value to a call (`urls.map(fetchFile)`). */
  findReferencesTo(fn: FunctionEntity): ValueReference[] {
    this.resolveCandidates(getCallableName(fn));
    return this.referencesByTarget.get(fn) ?? [];
  }

  private resolveCandidates(name: string | null): void {
    if (!this.renamedResolved) {
      this.renamedResolved = true;
      for (const call of this.renamed) this.indexCall(call);
    }
    if (name === null || this.resolvedNames.has(name)) return;
    this.resolvedNames.add(name);
    for (const call of this.byName.get(name) ?? []) this.indexCall(call);
    for (const ref of this.referencesByName.get(name) ?? []) {
      for (const target of resolveExpressionTargets(this.checker, ref.node))
        append(this.referencesByTarget, target, [ref]);
    }
    for (const call of this.callsThroughByName.get(name) ?? []) {
      const through = (call.expression as ts.PropertyAccessExpression).expression as
        ts.Identifier | ts.PropertyAccessExpression;
      for (const target of resolveValueTargets(this.checker, through)) append(this.callsByTarget, target, [call]);
    }
  }

  /** `{ value: fn }`, `{ get: fn }` in any file of the program: `fn` defines a property through a descriptor. */
  findDescriptorValuesOf(fn: FunctionEntity): ts.PropertyAssignment[] {
    const name = getCallableName(fn);
    if (name === null) return [];
    return (this.descriptorValuesByName.get(name) ?? []).filter((assignment) =>
      resolveExpressionTargets(this.checker, assignment.initializer).includes(fn),
    );
  }

  /** Method calls on an untyped receiver that share `fn`'s name: they may call it, nobody can tell. */
  findUnresolvedCallsNamedLike(fn: FunctionEntity): ts.CallExpression[] {
    const name = getCallableName(fn);
    return name === null ? [] : (this.unresolvedByName.get(name) ?? []);
  }

  private indexCall(call: ts.CallExpression): void {
    this.resolvedCount += 1;
    const targets = resolveCallTargets(this.checker, call);
    for (const target of targets) append(this.callsByTarget, target, [call]);
    const name = getCalleeName(call.expression);
    if (targets.length === 0 && name !== null && ts.isPropertyAccessExpression(call.expression)) {
      append(this.unresolvedByName, name, [call]);
    }
  }

  private collectFile(file: ts.SourceFile, exportedAliases: Set<string>): FileEntries {
    const entries: FileEntries = {
      calls: new Map(),
      callsThrough: new Map(),
      references: new Map(),
      renamedLocals: new Set(),
    };
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node)) this.collectCall(node, entries);
      else if (ts.isImportSpecifier(node) && node.propertyName) entries.renamedLocals.add(node.name.text);
      else if (ts.isImportClause(node) && node.name) entries.renamedLocals.add(node.name.text);
      else if (ts.isExportSpecifier(node) && node.propertyName) exportedAliases.add(node.name.text);
      else if (ts.isVariableDeclaration(node) && node.initializer && isRequireCall(node.initializer)) {
        collectRequireNames(node.name, entries.renamedLocals);
      } else if (ts.isVariableDeclaration(node) && node.initializer && isNameExpression(node.initializer)) {
        // `const g = lookup`, `const { lookup: find } = api`: calls of g and find may run lookup
        if (ts.isIdentifier(node.name)) entries.renamedLocals.add(node.name.text);
        else collectRequireNames(node.name, entries.renamedLocals);
      } else if (ts.isPropertyAssignment(node) && ts.isIdentifier(node.initializer) && ts.isIdentifier(node.name)) {
        if (node.initializer.text !== node.name.text) exportedAliases.add(node.name.text);
        // `{ value: askAi }`: a property descriptor, whose property others call (analysis/escapes.ts)
        if (/^(value|get|set)$/.test(node.name.text))
          append(this.descriptorValuesByName, node.initializer.text, [node]);
      } else if ((ts.isClassLike(node) || ts.isInterfaceDeclaration(node)) && node.heritageClauses) {
        this.heritageTypes.push(node);
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
    return entries;
  }

  private collectCall(call: ts.CallExpression, entries: FileEntries): void {
    const name = getCalleeName(call.expression);
    if (name !== null) append(entries.calls, name, [call]);
    const callee = call.expression;
    if (ts.isPropertyAccessExpression(callee) && isNameExpression(callee.expression)) {
      const targetName = ts.isIdentifier(callee.expression) ? callee.expression.text : callee.expression.name.text;
      // `f.call(this, x)` and `f.apply(this, args)` run f; `f.bind(…)` hands f on as a value
      if (callee.name.text === 'call' || callee.name.text === 'apply') append(entries.callsThrough, targetName, [call]);
      if (callee.name.text === 'bind') append(entries.references, targetName, [{ node: callee.expression, call }]);
    }
    for (const argument of call.arguments) {
      if (ts.isIdentifier(argument) || ts.isPropertyAccessExpression(argument)) {
        const refName = ts.isIdentifier(argument) ? argument.text : argument.name.text;
        append(entries.references, refName, [{ node: argument, call }]);
      }
    }
  }
}

function append<K, V>(map: Map<K, V[]>, key: K, values: V[]): void {
  const list = map.get(key);
  if (list) list.push(...values);
  else map.set(key, [...values]);
}

function isNameExpression(node: ts.Expression): node is ts.Identifier | ts.PropertyAccessExpression {
  return ts.isIdentifier(node) || ts.isPropertyAccessExpression(node);
}

function isRequireCall(node: ts.Expression): boolean {
  return ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'require';
}

function collectRequireNames(name: ts.BindingName, into: Set<string>): void {
  if (ts.isIdentifier(name)) {
    into.add(name.text);
    return;
  }
  if (!ts.isObjectBindingPattern(name)) return;
  for (const element of name.elements) {
    if (element.propertyName && ts.isIdentifier(element.name)) into.add(element.name.text);
  }
}

/** `f` of `f()`, `m` of `a.b.m()` and `this.m()`, `m` of `a['m']()`. */
export function getCalleeName(callee: ts.Expression): string | null {
  let expression = callee;
  while (ts.isParenthesizedExpression(expression) || ts.isNonNullExpression(expression))
    expression = expression.expression;
  if (ts.isIdentifier(expression)) return expression.text;
  if (ts.isPropertyAccessExpression(expression)) return expression.name.text;
  if (ts.isElementAccessExpression(expression) && ts.isStringLiteralLike(expression.argumentExpression)) {
    return expression.argumentExpression.text;
  }
  return null;
}

function getCalleeNameNode(callee: ts.Expression): ts.Node | null {
  let expression = callee;
  while (ts.isParenthesizedExpression(expression) || ts.isNonNullExpression(expression))
    expression = expression.expression;
  if (ts.isIdentifier(expression)) return expression;
  if (ts.isPropertyAccessExpression(expression)) return expression.name;
  if (ts.isElementAccessExpression(expression)) return expression.argumentExpression;
  return null;
}

/** The functions (or the members describing them) a call can run. */
export function resolveCallTargets(checker: ts.TypeChecker, call: ts.CallExpression): FunctionEntity[] {
  const nameNode = getCalleeNameNode(call.expression);
  const viaSymbol = nameNode ? resolveSymbolTargets(checker, checker.getSymbolAtLocation(nameNode), 0) : [];
  if (viaSymbol.length > 0) return viaSymbol;
  const declaration = checker.getResolvedSignature(call)?.declaration;
  if (!declaration || ts.isJSDocSignature(declaration)) return [];
  const entity = getEntityOfDeclaration(checker, declaration, 0);
  return entity;
}

/** The functions an expression used as a value stands for (`fetchFile`, `util.fetchFile`). */
export function resolveExpressionTargets(checker: ts.TypeChecker, node: ts.Expression): FunctionEntity[] {
  const nameNode = ts.isPropertyAccessExpression(node) ? node.name : node;
  return resolveSymbolTargets(checker, checker.getSymbolAtLocation(nameNode), 0);
}

/** As resolveExpressionTargets, falling back on the value's call signature (`const { f } = api; f.call(…)`). */
function resolveValueTargets(checker: ts.TypeChecker, node: ts.Expression): FunctionEntity[] {
  const viaSymbol = resolveExpressionTargets(checker, node);
  if (viaSymbol.length > 0) return viaSymbol;
  const declaration = checker.getTypeAtLocation(node).getCallSignatures()[0]?.declaration;
  return declaration && !ts.isJSDocSignature(declaration) ? getEntityOfDeclaration(checker, declaration, 0) : [];
}

function resolveSymbolTargets(checker: ts.TypeChecker, symbol: ts.Symbol | undefined, depth: number): FunctionEntity[] {
  if (!symbol || depth > 4) return [];
  const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
  const found = new Set<FunctionEntity>();
  for (const declaration of target.declarations ?? []) {
    for (const entity of getEntityOfDeclaration(checker, declaration, depth)) found.add(entity);
  }
  return [...found];
}

function getEntityOfDeclaration(checker: ts.TypeChecker, declaration: ts.Node, depth: number): FunctionEntity[] {
  if (isFunctionWithBody(declaration)) return [declaration];
  if (ts.isFunctionDeclaration(declaration) || ts.isMethodDeclaration(declaration)) {
    return [getImplementation(checker, declaration) ?? declaration];
  }
  if (ts.isMethodSignature(declaration)) return [declaration];
  if (ts.isPropertySignature(declaration) && declaration.type && ts.isFunctionTypeNode(declaration.type))
    return [declaration];
  if (ts.isFunctionTypeNode(declaration) && ts.isPropertySignature(declaration.parent)) return [declaration.parent];
  if (ts.isShorthandPropertyAssignment(declaration)) {
    return resolveSymbolTargets(checker, checker.getShorthandAssignmentValueSymbol(declaration), depth + 1);
  }
  const value = getAssignedValue(declaration);
  if (!value) return [];
  if (ts.isFunctionExpression(value) || ts.isArrowFunction(value)) return [value];
  if (ts.isIdentifier(value) || ts.isPropertyAccessExpression(value)) {
    const nameNode = ts.isPropertyAccessExpression(value) ? value.name : value;
    return resolveSymbolTargets(checker, checker.getSymbolAtLocation(nameNode), depth + 1);
  }
  return [];
}

/** The value a declaration binds: `const f = …`, `{ f: … }`, `exports.f = …`, class field `f = …`. */
function getAssignedValue(declaration: ts.Node): ts.Expression | undefined {
  if (ts.isVariableDeclaration(declaration) || ts.isPropertyDeclaration(declaration)) return declaration.initializer;
  if (ts.isPropertyAssignment(declaration)) return declaration.initializer;
  if (ts.isBinaryExpression(declaration)) return declaration.right;
  if (
    (ts.isPropertyAccessExpression(declaration) || ts.isElementAccessExpression(declaration)) &&
    ts.isBinaryExpression(declaration.parent) &&
    declaration.parent.left === declaration
  ) {
    return declaration.parent.right;
  }
  if (ts.isExportAssignment(declaration)) return declaration.expression;
  return undefined;
}

/** The body-carrying declaration behind an overload signature (abstract methods have none). */
function getImplementation(checker: ts.TypeChecker, declaration: ts.FunctionDeclaration | ts.MethodDeclaration) {
  const symbol = declaration.name ? checker.getSymbolAtLocation(declaration.name) : undefined;
  return symbol?.declarations?.find((d): d is ts.FunctionLikeDeclaration => isFunctionWithBody(d));
}
