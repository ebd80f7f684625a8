/**
 * planAsync: from the starting points to an AsyncPlan. Loads only the files that can reach a start
 * (found by text), builds the program over them, propagates to a fixpoint, and hands the result to
 * buildPlan. When a method turns out to implement an interface declared outside the loaded files,
 * the interface file's importers are loaded too and the walk is redone.
 */
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Diagnostic } from '../transforms/shared/types';
import { buildAnalysisProgram, type AnalysisProgram } from './build-program';
import { CallIndex } from './call-index';
import { buildModuleGraph, findImporterClosure, findVisibleFiles, type ModuleGraph } from './module-graph';
import { createModuleKinds } from './module-kind';
import { buildPlan, type StartRecord } from './plan-builder';
import { Propagation } from './propagate';
import { locateNamedStart, locateReportedStart } from './starts';
import type { AnalysisInput, AsyncPlan } from './types';

/** Loading the importers of a newly reached interface file rarely needs more than one extra round. */
const MAX_LOAD_ROUNDS = 4;

export function planAsync(input: AnalysisInput): AsyncPlan {
  try {
    return computePlan(input);
  } catch (error) {
    return buildFailedPlan(input, error);
  }
}

/**
 * Do no harm when the analysis itself fails: every starting point's conversion is left out (their
 * callers could not be updated), and one error says why.
 */
function buildFailedPlan(input: AnalysisInput, error: unknown): AsyncPlan {
  const message = `propagate-async could not analyse the project, so no function was made async: ${error instanceof Error ? error.message : String(error)}`;
  const diagnostic: Diagnostic = {
    code: 'ASYNC_ANALYSIS_FAILED',
    severity: 'error',
    message,
    file: input.starts[0]?.file ?? resolve(input.cwd, input.userStarts[0]?.file ?? '.'),
    line: 1,
    column: 1,
  };
  const skipConversionIds = input.starts.flatMap((s) => s.conversionIds);
  return { files: {}, boundaries: [{ chain: [message], skipConversionIds, diagnostic }], diagnostics: [diagnostic], madeAsync: [] };
}

function computePlan(input: AnalysisInput): AsyncPlan {
  const graph = buildModuleGraph(input.sources);
  const userStarts = input.userStarts.map((s) => ({ ...s, file: resolve(input.cwd, s.file) }));
  const seeds = [...input.starts.map((s) => s.file), ...userStarts.map((s) => s.file)].filter((f) => input.sources.has(f));
  let roots = findImporterClosure(graph, seeds);
  let programMs = 0;
  let analyseMs = 0;
  for (let round = 0; ; round += 1) {
    const program = buildAnalysisProgram(input.sources, [...roots].sort(), findVisibleFiles(input.sources, roots));
    programMs += program.ms;
    const started = performance.now();
    const { plan, entityFiles, callsResolved } = analyse(input, { ...input, userStarts }, program, graph);
    analyseMs += performance.now() - started;
    const missing = entityFiles.filter((file) => !roots.has(file) && input.sources.has(file));
    if (missing.length === 0 || round + 1 >= MAX_LOAD_ROUNDS) {
      plan.stats = {
        programMs,
        analyseMs,
        filesGiven: input.sources.size,
        filesLoaded: roots.size,
        filesInProgram: program.program.getSourceFiles().length,
        callsResolved,
      };
      return plan;
    }
    roots = new Set([...roots, ...findImporterClosure(graph, missing)]);
  }
}

function analyse(original: AnalysisInput, input: AnalysisInput, program: AnalysisProgram, graph: ModuleGraph) {
  const index = new CallIndex(program.checker, program.files);
  const moduleKinds = createModuleKinds(input.sources, graph, input.cwd);
  const propagation = new Propagation(program.checker, index, moduleKinds, input.cwd, { parallelMap: input.parallelMap ?? false });
  const diagnostics: Diagnostic[] = [];
  const starts: StartRecord[] = [];
  for (const start of original.starts) {
    const file = program.program.getSourceFile(start.file);
    const entity = file ? locateReportedStart(file, start.name, start.line, start.column) : null;
    if (!entity) continue;
    starts.push({ entity, conversionIds: start.conversionIds, reason: start.reason, byUser: false });
    propagation.addStart(entity, start.reason);
  }
  for (const start of input.userStarts) {
    const file = program.program.getSourceFile(start.file);
    const entity = file ? locateNamedStart(file, start.name) : null;
    if (!entity) {
      diagnostics.push({
        code: 'ASYNC_NAME_NOT_FOUND',
        severity: 'error',
        message: `--async ${start.name}: no function or method with that name in this file`,
        file: start.file,
        line: 1,
        column: 1,
      });
      continue;
    }
    starts.push({ entity, conversionIds: [], reason: 'named with --async', byUser: true });
    propagation.addStart(entity, 'named with --async');
  }
  propagation.run();
  const plan = buildPlan({ propagation, index, starts, checker: program.checker, markBoundaries: input.markBoundaries, cwd: input.cwd });
  plan.diagnostics.unshift(...diagnostics);
  const entityFiles = [...propagation.entries.keys()].map((e) => e.getSourceFile().fileName);
  return { plan, entityFiles, callsResolved: index.resolvedCount };
}
