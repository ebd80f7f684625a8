/** The functions a plan makes async (and the types it changes), and the report of what became async. */
import { ts } from 'ts-morph';
import type { AsyncFunction } from '../../core/async-function';
import type { Diagnostic } from '../../core/diagnostic';
import { createDiagnostic } from '../diagnostics';
import {
  getLocation,
  getNamePath,
  getPlannedStart,
  getPosition,
  isAsyncFunction,
  isFunctionWithBody,
  type FunctionEntity,
} from '../syntax';
import type { AsyncPlan } from '../types';
import type { PlanNode } from './applied-nodes';
import type { PlanInput } from './plan-input';
import { ExportedDeclarations } from './exported-declarations';
import type { FilePlans } from './file-plans';

/** Functions to mark async (and types to change), and the report's list of what became async. */
export function addFunctions(input: PlanInput, applied: Set<PlanNode>, files: FilePlans, plan: AsyncPlan): void {
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
    `\`${type.getText()}\` describes a function that is now async; make its return type a Promise (it may ` +
    'describe other functions too, so it was left as it is)';
  return createDiagnostic('ASYNC_TYPE_NOT_UPDATED', message, getLocation(type));
}
