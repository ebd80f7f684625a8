/**
 * One file's per-file transforms as plain data in and out, so the same work runs on the main thread or
 * in a worker thread (transform-pool.ts) with the same result. Transforms travel by name and are looked
 * up in the registry on each side; what they ask of other files (file-edits.ts) comes back as data.
 */
import { readFileSync } from 'node:fs';
import { LocatedError } from '../core/errors';
import type { AnyOptionValues } from '../core/options';
import { decodeSource, findUnreadableReason } from '../source/source-text';
import { editsOtherFiles, type FileEditRequest, type RunFiles, type Transform } from '../transforms/shared/types';
import { transformFile, type TransformFileOutput } from './transform-file';

export interface TransformJob {
  id: number;
  /** Path used in diagnostics. */
  file: string;
  absolutePath: string;
  /** The file's original text (LF, no BOM). */
  text: string;
  /** Registered per-file transforms, in pipeline order. */
  transformNames: string[];
  /** Normalised options by transform name. */
  options: Record<string, AnyOptionValues>;
  nodeEngines: string | null;
  /** The nearest package.json's dependency ranges by name (null: no package.json). */
  dependencyRanges?: Record<string, string> | null;
  /** Conversions to leave out (boundaries found by the analysis), by getConversionKey. */
  skipped: string[];
}

export interface FiledEditRequest {
  transformName: string;
  request: FileEditRequest;
}

export interface TransformJobResult {
  id: number;
  output?: TransformFileOutput;
  failure?: { message: string; line?: number; column?: number };
  requests: FiledEditRequest[];
}

/** What a file of the run reads when a transform asks for another file's original text. */
export type ReadOriginal = (absolutePath: string) => string | null;

export function toFailure(error: unknown): { message: string; line?: number; column?: number } {
  if (error instanceof LocatedError) return { message: error.message, line: error.line, column: error.column };
  const e = error as Error;
  return { message: `transform error: ${e?.message ?? String(error)}` };
}

/**
 * The transforms with `runFiles` handed to those that edit other files (see Transform.applyFileEdits);
 * their requests go to `file`.
 */
export function withRunFiles(
  transforms: readonly Transform[],
  absolutePath: string,
  readOriginal: ReadOriginal,
  file: (filed: FiledEditRequest) => void,
): readonly Transform[] {
  if (!transforms.some(editsOtherFiles)) return transforms;
  return transforms.map((transform) => {
    if (!editsOtherFiles(transform)) return transform;
    const runFiles: RunFiles = {
      absolutePath,
      readOriginal,
      requestEdit: (request) =>
        file({ transformName: transform.meta.name, request: { ...request, args: [...request.args] } }),
    };
    return { ...transform, apply: (root, context) => transform.apply(root, { ...context, runFiles }) };
  });
}

export function runTransformJob(
  job: TransformJob,
  registry: ReadonlyMap<string, Transform>,
  readOriginal: ReadOriginal,
): TransformJobResult {
  const requests: FiledEditRequest[] = [];
  try {
    const transforms = job.transformNames.map((name) => {
      const transform = registry.get(name);
      if (!transform) throw new Error(`unknown transform ${name}`);
      return transform;
    });
    const output = transformFile({
      file: job.file,
      absolutePath: job.absolutePath,
      text: job.text,
      transforms: withRunFiles(transforms, job.absolutePath, readOriginal, (filed) => requests.push(filed)),
      options: job.options,
      nodeEngines: job.nodeEngines,
      dependencyRanges: job.dependencyRanges ?? null,
      skipped: new Set(job.skipped),
    });
    return { id: job.id, output, requests };
  } catch (error) {
    return { id: job.id, failure: toFailure(error), requests: [] };
  }
}

/**
 * A worker's view of the other files: their text read and decoded as the engine reads them, for the
 * files of the run only (the rest read as null, as on the main thread).
 */
export function createDiskReader(runFiles: ReadonlySet<string>): ReadOriginal {
  const cache = new Map<string, string | null>();
  return (absolutePath) => {
    if (!runFiles.has(absolutePath)) return null;
    if (!cache.has(absolutePath)) cache.set(absolutePath, readDecoded(absolutePath));
    return cache.get(absolutePath) ?? null;
  };
}

function readDecoded(absolutePath: string): string | null {
  try {
    const decoded = decodeSource(readFileSync(absolutePath));
    return decoded.ok && !findUnreadableReason(decoded.source.text) ? decoded.source.text : null;
  } catch {
    return null;
  }
}
