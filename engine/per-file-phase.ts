/**
 * The per-file phase of a run: every file whose text a transform's prefilter matches is parsed and
 * transformed (on this thread, or also on worker threads: file-jobs.ts), and the result goes into its
 * state. The rest stay as read, never parsed. The project phase re-runs single files through `rerun`.
 */
import { readFileSync } from 'node:fs';
import type { AnyOptionValues } from '../core/options';
import type { Transform } from '../transforms/shared/types';
import type { FileEdits } from './file-edits';
import { runFileJobs } from './file-jobs';
import type { FileState } from './file-state';
import { findProjectPackageJson, readDependencyRanges, readNodeEngines } from './package-json';
import { getTransformOptions } from './transform-file';
import { runTransformJob, type TransformJob, type TransformJobResult } from './transform-job';
import type { RunOptions } from './types';

export interface PerFilePhase {
  parsed: number;
  prefiltered: number;
  /** Worker threads that took part. */
  workers: number;
  /** Runs a file's transforms again on its original text, leaving out `skipped` conversions (by getConversionKey). */
  rerun(state: FileState, skipped: ReadonlySet<string>): void;
}

/** What the per-file phase needs of the run's options. */
export type PerFileSettings = Pick<RunOptions, 'transforms' | 'cwd' | 'minFilesPerWorker' | 'onProgress'> & {
  /** Threads, the main thread included. */
  concurrency: number;
  /** --node: the Node.js version to target, in place of each package.json's engines.node. */
  node?: string;
};

export async function runPerFilePhase(
  states: FileState[],
  options: PerFileSettings,
  transformOptions: Record<string, AnyOptionValues>,
  fileEdits: FileEdits,
): Promise<PerFilePhase> {
  const enginesFor = createEnginesLookup(options.cwd);
  const registry = new Map(options.transforms.map((t) => [t.meta.name, t]));
  const toJob = (state: FileState, skipped: ReadonlySet<string>, id = 0): TransformJob => ({
    id,
    file: state.path,
    absolutePath: state.absolutePath,
    text: state.source?.text ?? '',
    transformNames: options.transforms.map((t) => t.meta.name),
    options: transformOptions,
    nodeEngines: options.node ? `>=${options.node}` : enginesFor(state.absolutePath).nodeEngines,
    dependencyRanges: enginesFor(state.absolutePath).dependencyRanges,
    skipped: [...skipped],
  });
  const runHere = (job: TransformJob) => runTransformJob(job, registry, fileEdits.readOriginal);
  const record = (state: FileState, result: TransformJobResult) =>
    recordResult(state, result, fileEdits, options.transforms);

  const readable = states.filter((s) => s.source);
  const candidates = readable.filter((s) =>
    options.transforms.some((t) => t.prefilter(s.source?.text ?? '', getTransformOptions(t, transformOptions))),
  );
  const prefiltered = readable.length - candidates.length;
  const workers = await runFileJobs(
    candidates.map((state, id) => toJob(state, new Set(), id)),
    {
      concurrency: options.concurrency,
      minFilesPerWorker: options.minFilesPerWorker,
      transforms: options.transforms,
      runFiles: readable.filter((s) => !s.skipReason).map((s) => s.absolutePath),
      runHere,
      onResult: (result, done) => {
        record(candidates[result.id], result);
        options.onProgress?.(prefiltered + done, states.length);
      },
    },
  );
  options.onProgress?.(states.length, states.length);
  return {
    parsed: candidates.length,
    prefiltered,
    workers,
    rerun(state, skipped) {
      if (state.source && !state.failure) record(state, runHere(toJob(state, skipped)));
    },
  };
}

interface PackageFacts {
  nodeEngines: string | null;
  dependencyRanges: Record<string, string> | null;
}

/** A file's nearest package.json: its engines.node and its dependency ranges (read once per package.json). */
function createEnginesLookup(cwd: string): (absolutePath: string) => PackageFacts {
  const cache = new Map<string, PackageFacts>();
  return (absolutePath) => {
    const pkg = findProjectPackageJson(absolutePath, cwd);
    if (!pkg) return { nodeEngines: null, dependencyRanges: null };
    if (!cache.has(pkg)) {
      const text = readFileSync(pkg, 'utf8');
      cache.set(pkg, { nodeEngines: readNodeEngines(text), dependencyRanges: readDependencyRanges(text) });
    }
    return cache.get(pkg) as PackageFacts;
  };
}

/** A file's per-file transform result, wherever it ran, into its state. */
function recordResult(
  state: FileState,
  result: TransformJobResult,
  fileEdits: FileEdits,
  transforms: readonly Transform[],
): void {
  fileEdits.replaceRequests(state, result.requests, transforms);
  if (!result.output) {
    state.failure = result.failure;
    return;
  }
  const output = result.output;
  if (output.parsed) state.parses += 1;
  state.text = output.text;
  state.changedBy = output.changedBy;
  state.diagnostics = output.diagnostics;
  state.madeAsync = output.madeAsync;
  state.dependencies = output.dependencies;
}
