/**
 * planAsync: from the starting points to an AsyncPlan. Loads only the files that can reach a start
 * (found by text), builds the program over them, propagates to a fixpoint, and hands the result to
 * buildPlan. When a method turns out to implement an interface declared outside the loaded files,
 * the interface file's importers are loaded too and the walk is redone.
 */
import type { Diagnostic } from '../core/diagnostic';
import { relative, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildAnalysisProgram, type AnalysisProgram } from './build-program';
import { CallIndex } from './call-index';
import { buildModuleGraph, findImporterClosure, findVisibleFiles, type ModuleGraph } from './module-graph';
import { createModuleKinds } from './module-kind';
import { createDiagnostic } from './diagnostics';
import { buildPlan } from './plan/build-plan';
import { hasCoYieldHelper } from '../core/markers';
import type { StartRecord } from './plan/plan-input';
import { Propagation } from './propagate';
import { findClosestNames, listFunctionNames, locateNamedStart, locateReportedStart } from './starts';
import type { AnalysisInput, AsyncPlan } from './types';

interface UserStart {
  /** As the user wrote it: `src/db.js#query`. */
  given: string;
  file: string;
  name: string;
}

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
  const message =
    `propagate-async could not analyse the project, so no function was made async: ` +
    `${error instanceof Error ? error.message : String(error)}`;
  const diagnostic = createDiagnostic('ASYNC_ANALYSIS_FAILED', message, {
    file: input.starts[0]?.file ?? input.cwd,
    line: 1,
    column: 1,
  });
  const skip = input.starts.flatMap((s) => s.conversions);
  return { files: {}, boundaries: [{ chain: [message], skip, diagnostic }], diagnostics: [diagnostic], madeAsync: [] };
}

function computePlan(input: AnalysisInput): AsyncPlan {
  const graph = buildModuleGraph(input.sources);
  const { userStarts, diagnostics } = resolveUserStarts(input);
  const seeds = [...input.starts.map((s) => s.file), ...userStarts.map((s) => s.file)].filter((f) =>
    input.sources.has(f),
  );
  const coYieldFiles = [...input.sources].filter(([, text]) => hasCoYieldHelper(text)).map(([file]) => file);
  let roots = new Set([...findImporterClosure(graph, seeds), ...coYieldFiles]);
  let programMs = 0;
  let analyseMs = 0;
  for (let round = 0; ; round += 1) {
    const program = buildAnalysisProgram(input.sources, [...roots].sort(), findVisibleFiles(input.sources, roots));
    programMs += program.ms;
    const started = performance.now();
    const { plan, entityFiles, callsResolved } = analyse(input, userStarts, program, graph, coYieldFiles);
    analyseMs += performance.now() - started;
    const missing = entityFiles.filter((file) => !roots.has(file) && input.sources.has(file));
    if (missing.length === 0 || round + 1 >= MAX_LOAD_ROUNDS) {
      plan.diagnostics.unshift(...diagnostics);
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

/** `--async FILE#NAME` values: the file must be one of the run's (else an error naming the closest). */
function resolveUserStarts(input: AnalysisInput): { userStarts: UserStart[]; diagnostics: Diagnostic[] } {
  const userStarts: UserStart[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const given of input.options.async) {
    const at = given.lastIndexOf('#');
    const file = resolve(input.cwd, given.slice(0, at));
    if (input.sources.has(file)) {
      userStarts.push({ given, file, name: given.slice(at + 1) });
      continue;
    }
    const near = findClosestNames(
      relative(input.cwd, file),
      [...input.sources.keys()].map((f) => relative(input.cwd, f)),
    );
    const why = `${given.slice(0, at)} is not among the files of this run${formatSuggestions(near)}`;
    diagnostics.push(toNameNotFound(relative(input.cwd, file), why, given));
  }
  return { userStarts, diagnostics };
}

function toNameNotFound(file: string, why: string, given: string): Diagnostic {
  return createDiagnostic('ASYNC_NAME_NOT_FOUND', `--async ${given}: ${why}`, { file, line: 1, column: 1 });
}

function formatSuggestions(names: string[]): string {
  return names.length > 0 ? ` (did you mean ${names.map((n) => `\`${n}\``).join(', ')}?)` : '';
}

function analyse(
  input: AnalysisInput,
  userStarts: UserStart[],
  program: AnalysisProgram,
  graph: ModuleGraph,
  coYieldFiles: string[],
) {
  const index = new CallIndex(program.checker, program.files);
  const moduleKinds = createModuleKinds(input.sources, graph, input.cwd);
  const propagation = new Propagation(program.checker, index, moduleKinds, input.cwd, {
    parallelMap: input.options.parallelMap,
  });
  const diagnostics: Diagnostic[] = [];
  const starts: StartRecord[] = [];
  for (const start of input.starts) {
    const file = program.program.getSourceFile(start.file);
    const entity = file ? locateReportedStart(file, start.name, start.line, start.column) : null;
    if (!entity) continue;
    starts.push({ entity, conversions: start.conversions, reason: start.reason, byUser: false });
    propagation.addStart(entity, start.reason);
  }
  for (const start of userStarts) {
    const file = program.program.getSourceFile(start.file);
    const entity = file ? locateNamedStart(file, start.name) : null;
    if (!file || !entity) {
      const near = file ? findClosestNames(start.name, listFunctionNames(file)) : [];
      diagnostics.push(
        toNameNotFound(
          start.file,
          `no function or method named ${start.name} in this file${formatSuggestions(near)}`,
          start.given,
        ),
      );
      continue;
    }
    starts.push({ entity, conversions: [], reason: 'named with --async', byUser: true });
    propagation.addStart(entity, 'named with --async');
  }
  propagation.run();
  const plan = buildPlan({
    propagation,
    index,
    starts,
    checker: program.checker,
    coYieldFiles: coYieldFiles.flatMap((file) => program.program.getSourceFile(file) ?? []),
    markBoundaries: input.options.markBoundaries,
    cwd: input.cwd,
  });
  plan.diagnostics.unshift(...diagnostics);
  const entityFiles = [...propagation.entries.keys()].map((e) => e.getSourceFile().fileName);
  return { plan, entityFiles, callsResolved: index.resolvedCount };
}
