/**
 * From the propagation's records to the AsyncPlan. Do no harm at boundaries: a starting point whose
 * chain reaches a boundary changes nothing (its conversion ids go into the Boundary so the engine
 * drops them), unless --mark-boundaries asks to convert everything and comment each boundary.
 */
import type { Diagnostic } from '../core/diagnostic';
import { ts } from 'ts-morph';
import { findConcurrencyNotes } from './concurrency-notes';
import type { CallIndex } from './call-index';
import type { BoundaryRecord, EntryRecord, Propagation } from './propagate';
import { createDiagnostic } from './diagnostics';
import {
  formatLocation,
  getLocation,
  getNamePath,
  getPlannedRange,
  getPlannedStart,
  getPosition,
  isAsyncFunction,
  isFunctionWithBody,
  type FunctionEntity,
} from './syntax';
import type { AsyncFunction, ConversionId } from '../core/async-function';
import type { AsyncPlan, Boundary, FilePlan, PlannedPosition } from './types';

export interface StartRecord {
  entity: FunctionEntity;
  conversions: ConversionId[];
  reason: string;
  byUser: boolean;
}

export interface PlanInput {
  propagation: Propagation;
  index: CallIndex;
  starts: StartRecord[];
  checker: ts.TypeChecker;
  markBoundaries: boolean;
  cwd: string;
}

type Node = FunctionEntity | BoundaryRecord | EntryRecord;

function findForcedClosure(propagation: Propagation, start: FunctionEntity): Set<Node> {
  const seen = new Set<Node>([start]);
  const queue: Node[] = [start];
  while (queue.length > 0) {
    const current = queue.pop() as Node;
    for (const next of propagation.forces.get(current) ?? []) {
      if (!seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  return seen;
}

/** Starting points whose chain reaches no boundary change; with --mark-boundaries, all of them. */
function findAppliedNodes(input: PlanInput, closures: { closure: Set<Node> }[]): Set<Node> {
  const boundarySet = new Set<Node>(input.propagation.boundaries);
  const applied = new Set<Node>();
  for (const { closure } of closures) {
    const reachesBoundary = [...closure].some((node) => boundarySet.has(node));
    if (reachesBoundary && !input.markBoundaries) continue;
    closure.forEach((node) => applied.add(node));
  }
  return applied;
}

/** Per-file plans; a position is listed once even when two callees ask for it. */
class FilePlans {
  private readonly seen = new Set<string>();
  constructor(private readonly plan: AsyncPlan) {}

  get(node: ts.Node): FilePlan {
    const file = node.getSourceFile().fileName;
    this.plan.files[file] ??= {
      functions: [],
      awaitCalls: [],
      boundaryComments: [],
      callbackRewrites: [],
      signatures: [],
    };
    return this.plan.files[file];
  }

  add<T extends PlannedPosition>(
    node: ts.Node,
    list: 'functions' | 'awaitCalls' | 'callbackRewrites' | 'signatures' | 'movedDefaults',
    position: T,
  ): void {
    const key = `${node.getSourceFile().fileName}|${list}|${position.start}-${position.end}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    const filePlan = this.get(node) as unknown as Record<typeof list, T[] | undefined>;
    (filePlan[list] ??= []).push(position);
  }
}

export function buildPlan(input: PlanInput): AsyncPlan {
  const { propagation } = input;
  const plan: AsyncPlan = { files: {}, boundaries: [], diagnostics: [], madeAsync: [] };
  const closures = input.starts.map((start) => ({ start, closure: findForcedClosure(propagation, start.entity) }));
  const applied = findAppliedNodes(input, closures);
  const files = new FilePlans(plan);
  addFunctions(input, applied, files, plan);
  plan.diagnostics.push(
    ...findUnresolvedCallDiagnostics(
      input.index,
      [...propagation.entries.keys()].filter((e) => applied.has(e)),
    ),
  );
  const mainCatchCalls = addEntryScripts(
    propagation.entryCalls.filter((e) => applied.has(e)),
    (node) => files.get(node),
  );
  const awaited = propagation.awaits
    .filter((site) => applied.has(site.callee) && !mainCatchCalls.has(site.call))
    .map((site) => site.call);
  for (const call of awaited) files.add(call, 'awaitCalls', getPlannedRange(call));
  plan.diagnostics.push(
    ...findConcurrencyNotes(
      awaited,
      [...propagation.entries.keys()].filter((e) => applied.has(e) && !isAsyncFunction(e)),
    ),
  );
  for (const moved of propagation.movedDefaults) {
    if (applied.has(moved.callee)) files.add(moved.parameter, 'movedDefaults', getPlannedStart(moved.parameter));
  }
  for (const rewrite of propagation.rewrites) {
    if (applied.has(rewrite.callee))
      files.add(rewrite.host, 'callbackRewrites', {
        ...getPlannedRange(rewrite.host),
        kind: rewrite.kind,
        ...(rewrite.mapArguments ? { mapArguments: rewrite.mapArguments } : {}),
        ...(rewrite.iterateValues ? { iterateValues: true } : {}),
      });
  }
  for (const record of propagation.boundaries) {
    const reaching = closures.filter((c) => c.closure.has(record)).map((c) => c.start);
    if (reaching.length === 0) continue;
    // with --mark-boundaries the chain converts through the boundary: nothing to leave out
    const boundary = describeBoundary(propagation, record, input.markBoundaries ? [] : reaching, input.cwd);
    const diagnostic = toBoundaryDiagnostic(record, boundary, input.markBoundaries);
    plan.boundaries.push({ ...boundary, diagnostic });
    plan.diagnostics.push(diagnostic);
    if (input.markBoundaries) {
      const text = `awaitify: ${record.what} cannot await ${shortName(record.callee)}; ${record.advice}`;
      files.get(record.site).boundaryComments.push({ ...getPlannedStart(record.site), text });
    }
  }
  removeEmptyFilePlans(plan);
  return plan;
}

/** Functions to mark async (and types to change), and the report's list of what became async. */
function addFunctions(input: PlanInput, applied: Set<Node>, files: FilePlans, plan: AsyncPlan): void {
  const exported = new ExportedDeclarations(input.checker);
  const startReasons = new Map(input.starts.map((s) => [s.entity, s]));
  for (const [entity, entry] of input.propagation.entries) {
    if (!applied.has(entity) || entry.inlined) continue;
    for (const signature of findSignatures(entity)) files.add(entity, 'signatures', getPlannedStart(signature));
    if (!isFunctionWithBody(entity)) continue;
    const start = startReasons.get(entity);
    if (start?.byUser) continue;
    if (!isAsyncFunction(entity)) files.add(entity, 'functions', getPlannedStart(entity));
    const namedType = findNamedFunctionType(entity);
    if (namedType) plan.diagnostics.push(toNamedTypeDiagnostic(namedType));
    plan.madeAsync.push({
      ...toAsyncFunction(entity, start ? start.reason : entry.reason, exported.has(entity)),
      conversions: start?.conversions ?? [],
    });
  }
}

/** A file the plan does not change is not even parsed again by the engine. */
function removeEmptyFilePlans(plan: AsyncPlan): void {
  for (const [file, filePlan] of Object.entries(plan.files)) {
    const isEmpty =
      filePlan.functions.length === 0 &&
      filePlan.awaitCalls.length === 0 &&
      filePlan.boundaryComments.length === 0 &&
      (filePlan.callbackRewrites?.length ?? 0) === 0 &&
      (filePlan.signatures?.length ?? 0) === 0 &&
      (filePlan.movedDefaults?.length ?? 0) === 0 &&
      filePlan.entryScript === undefined;
    if (isEmpty) delete plan.files[file];
  }
}

function shortName(entity: FunctionEntity): string {
  const label = formatLocation(entity, '');
  return `${(entity as { name?: ts.Node }).name?.getText() ?? 'an async function'} (now async, ${label.split('/').pop()})`;
}

function toAsyncFunction(entity: FunctionEntity, reason: string, isExported: boolean): AsyncFunction {
  const { line, column } = getPosition(entity);
  const file = entity.getSourceFile().fileName;
  return { file, name: getNamePath(entity), line, column, reason, conversions: [], exported: isExported };
}

/** Interface members, abstract methods and overloads change type only; typed variables too. */
function findSignatures(entity: FunctionEntity): ts.Node[] {
  if (!isFunctionWithBody(entity)) return [entity];
  const found: ts.Node[] = [];
  const holder = entity.parent;
  if (
    (ts.isVariableDeclaration(holder) || ts.isPropertyDeclaration(holder)) &&
    holder.type &&
    ts.isFunctionTypeNode(holder.type)
  ) {
    found.push(holder.type);
  }
  if (ts.isFunctionDeclaration(entity) || ts.isMethodDeclaration(entity)) {
    const siblings = entity.parent as { statements?: ts.NodeArray<ts.Node>; members?: ts.NodeArray<ts.Node> };
    for (const other of siblings.statements ?? siblings.members ?? []) {
      const isOverload = (ts.isFunctionDeclaration(other) || ts.isMethodDeclaration(other)) && !other.body;
      if (isOverload && other.name?.getText() === entity.name?.getText()) found.push(other);
    }
  }
  return found;
}

/** `const f: Fetcher = () => …`: a named type describes the function; other functions may share it. */
function findNamedFunctionType(entity: FunctionEntity): ts.TypeNode | null {
  const holder = entity.parent;
  if (!ts.isVariableDeclaration(holder) && !ts.isPropertyDeclaration(holder)) return null;
  return holder.type && !ts.isFunctionTypeNode(holder.type) ? holder.type : null;
}

function toNamedTypeDiagnostic(type: ts.TypeNode): Diagnostic {
  const message =
    `\`${type.getText()}\` describes a function that is now async; make its return type a Promise (it may describe other ` +
    'functions too, so it was left as it is)';
  return createDiagnostic('ASYNC_TYPE_NOT_UPDATED', message, getLocation(type));
}

/** A file whose only top-level async call is `main();` gets `main().catch(…)`; others a wrapping main. */
function addEntryScripts(entries: EntryRecord[], filePlan: (node: ts.Node) => FilePlan): Set<ts.CallExpression> {
  const mainCatchCalls = new Set<ts.CallExpression>();
  const byFile = new Map<ts.SourceFile, EntryRecord[]>();
  for (const entry of entries) byFile.set(entry.file, [...(byFile.get(entry.file) ?? []), entry]);
  for (const [file, records] of byFile) {
    const calls = new Set(records.map((r) => r.call));
    const only = records[0];
    const isLoneMain =
      calls.size === 1 &&
      ts.isExpressionStatement(only.call.parent) &&
      only.call.parent.parent === file &&
      only.call.arguments.length === 0 &&
      ts.isIdentifier(only.call.expression) &&
      ts.isFunctionDeclaration(only.callee) &&
      only.callee.parent === file &&
      file.statements.every((s) => s === only.call.parent || !containsCall(s));
    if (isLoneMain) mainCatchCalls.add(only.call);
    filePlan(file.statements[0] ?? file).entryScript = isLoneMain ? 'main-catch' : 'main';
  }
  return mainCatchCalls;
}

/** Whether a top-level statement runs a call when the module loads (declarations and imports do not). */
function containsCall(statement: ts.Statement): boolean {
  if (ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement) || ts.isImportDeclaration(statement))
    return false;
  if (ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement)) return false;
  let found = false;
  const visit = (node: ts.Node): void => {
    if (found || isFunctionWithBody(node)) return;
    if (ts.isCallExpression(node) && !(ts.isIdentifier(node.expression) && node.expression.text === 'require'))
      found = true;
    else ts.forEachChild(node, visit);
  };
  visit(statement);
  return found;
}

function describeBoundary(
  propagation: Propagation,
  record: BoundaryRecord,
  reaching: StartRecord[],
  cwd: string,
): Boundary {
  const chain: string[] = [];
  let current: FunctionEntity | null = record.callee;
  const seen = new Set<FunctionEntity>();
  while (current && !seen.has(current)) {
    seen.add(current);
    chain.unshift(propagation.label(current));
    current = propagation.entries.get(current)?.via ?? null;
  }
  chain.push(`${record.what} (${formatLocation(record.site, cwd)})`);
  return { chain, skip: reaching.flatMap((s) => s.conversions) };
}

/** `x.m()` with x of unknown type, where a method `m` became async: the user has to look. */
function findUnresolvedCallDiagnostics(index: CallIndex, entities: FunctionEntity[]): Diagnostic[] {
  const seen = new Set<ts.CallExpression>();
  const diagnostics: Diagnostic[] = [];
  for (const entity of entities) {
    for (const call of index.findUnresolvedCallsNamedLike(entity)) {
      if (seen.has(call)) continue;
      seen.add(call);
      const callee = call.expression as ts.PropertyAccessExpression;
      const message =
        `\`${callee.getText()}(…)\` may call ${getNamePath(entity) ?? callee.name.text}, which is now async, but the type of ` +
        `\`${callee.expression.getText()}\` is unknown (add a JSDoc or TypeScript type, or await it by hand if it does)`;
      diagnostics.push(createDiagnostic('ASYNC_UNRESOLVED_CALL', message, getLocation(call)));
    }
  }
  return diagnostics;
}

function toBoundaryDiagnostic(record: BoundaryRecord, boundary: Boundary, marked: boolean): Diagnostic {
  const outcome = marked
    ? 'The rest of the chain was converted; an awaitify: comment marks this place.'
    : 'Nothing on this chain was changed.';
  const message = `This chain cannot become async: ${boundary.chain.join(' → ')}, and that cannot be async. ${outcome} To finish: ${record.advice}.`;
  return createDiagnostic('ASYNC_BOUNDARY', message, getLocation(record.site));
}

/** Which declarations a module exports (its public API), to flag signature changes. */
class ExportedDeclarations {
  private readonly byFile = new Map<ts.SourceFile, Set<ts.Node>>();
  constructor(private readonly checker: ts.TypeChecker) {}

  has(entity: FunctionEntity): boolean {
    const declarations = this.get(entity.getSourceFile());
    const owner = entity.parent;
    return (
      declarations.has(entity) ||
      declarations.has(owner) ||
      (ts.isClassLike(owner) && declarations.has(owner)) ||
      (ts.isBinaryExpression(owner) && /^(module\.)?exports\b/.test(owner.left.getText()))
    );
  }

  private get(file: ts.SourceFile): Set<ts.Node> {
    const known = this.byFile.get(file);
    if (known) return known;
    const found = new Set<ts.Node>();
    const moduleSymbol = this.checker.getSymbolAtLocation(file);
    for (const symbol of moduleSymbol ? this.checker.getExportsOfModule(moduleSymbol) : []) {
      const target = symbol.flags & ts.SymbolFlags.Alias ? this.checker.getAliasedSymbol(symbol) : symbol;
      for (const declaration of target.declarations ?? []) {
        found.add(declaration);
        if (ts.isShorthandPropertyAssignment(declaration)) {
          const value = this.checker.getShorthandAssignmentValueSymbol(declaration);
          value?.declarations?.forEach((d) => found.add(d));
        }
        if (ts.isPropertyAssignment(declaration)) found.add(declaration.initializer);
      }
    }
    this.addCommonJsExports(file, found);
    this.byFile.set(file, found);
    return found;
  }

  /**
   * `module.exports = { a, b: c }`, `module.exports = fn`, `exports.x = …`: the checker does not list
   * these as a JavaScript module's exports when the object is assigned whole, so read them from the
   * top-level assignments.
   */
  private addCommonJsExports(file: ts.SourceFile, found: Set<ts.Node>): void {
    const addValue = (value: ts.Expression) => {
      if (ts.isFunctionExpression(value) || ts.isArrowFunction(value) || ts.isClassExpression(value)) found.add(value);
      if (ts.isIdentifier(value)) this.checker.getSymbolAtLocation(value)?.declarations?.forEach((d) => found.add(d));
    };
    for (const statement of file.statements) {
      if (!ts.isExpressionStatement(statement) || !ts.isBinaryExpression(statement.expression)) continue;
      const { left, operatorToken, right } = statement.expression;
      if (operatorToken.kind !== ts.SyntaxKind.EqualsToken) continue;
      const target = left.getText();
      if (target === 'module.exports' && ts.isObjectLiteralExpression(right)) {
        for (const property of right.properties) {
          if (ts.isShorthandPropertyAssignment(property)) {
            this.checker.getShorthandAssignmentValueSymbol(property)?.declarations?.forEach((d) => found.add(d));
          } else if (ts.isPropertyAssignment(property)) {
            addValue(property.initializer);
          } else if (ts.isMethodDeclaration(property)) {
            found.add(property);
          }
        }
      } else if (/^(module\.)?exports(\.[\w$]+)?$/.test(target)) {
        addValue(right);
      }
    }
  }
}
