/**
 * The boundaries a plan reports: the chain from each starting point up to the place that cannot be
 * async, the conversions to leave out so that the chain keeps working synchronously, and with
 * --mark-boundaries an `awaitify:` comment at the place instead.
 */
import type { ts } from 'ts-morph';
import type { Diagnostic } from '../../core/diagnostic';
import { createDiagnostic } from '../diagnostics';
import type { Propagation } from '../propagate';
import type { BoundaryRecord } from '../propagation-records';
import { formatLocation, getLocation, getPlannedStart, type FunctionEntity } from '../syntax';
import type { AsyncPlan, Boundary } from '../types';
import type { StartClosure } from './applied-nodes';
import type { PlanInput, StartRecord } from './plan-input';
import type { FilePlans } from './file-plans';

export function addBoundaries(
  input: PlanInput,
  closures: readonly StartClosure[],
  files: FilePlans,
  plan: AsyncPlan,
): void {
  const { propagation } = input;
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
}

function shortName(entity: FunctionEntity): string {
  const label = formatLocation(entity, '');
  return (
    `${(entity as { name?: ts.Node }).name?.getText() ?? 'an async function'} (now async, ` +
    `${label.split('/').pop()})`
  );
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

function toBoundaryDiagnostic(record: BoundaryRecord, boundary: Boundary, marked: boolean): Diagnostic {
  const outcome = marked
    ? 'The rest of the chain was converted; an awaitify: comment marks this place.'
    : 'Nothing on this chain was changed.';
  const message =
    `This chain cannot become async: ${boundary.chain.join(' → ')}, and that cannot be async. ` +
    `${outcome} To finish: ${record.advice}.`;
  return createDiagnostic('ASYNC_BOUNDARY', message, getLocation(record.site));
}
