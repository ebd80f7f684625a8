/**
 * Edits one file of the run asks for in another (a synckit caller needs its worker to export the
 * function it runs). During the per-file phase a transform reads other files' ORIGINAL text and files
 * requests; after the project phase each target file gets its requests applied, by the transform that
 * asked, on its then-current text.
 *
 * Requests belong to the run of the file that made them: re-running a file's transforms (a boundary
 * round of the project phase) replaces its requests. If a target cannot be edited, the target and every
 * file that asked fail together, so no caller is written pointing at an export that does not exist.
 */
import type { AnyOptionValues } from '../core/options';
import { editSource } from '../source/edit-source';
import { isTypeScriptFile } from '../source/parsers';
import { createTransformContext, isModuleSource } from '../transforms/shared/context';
import type { FileEditRequest, Transform } from '../transforms/shared/types';
import type { FileState } from './file-state';
import { getTransformOptions } from './transform-file';
import type { FiledEditRequest, ReadOriginal } from './transform-job';

interface FiledRequest {
  transform: Transform;
  request: FileEditRequest;
}

export interface FileEdits {
  /** Original text of a file of the run (what RunFiles.readOriginal answers on the main thread). */
  readOriginal: ReadOriginal;
  /** The requests of `state`'s latest run of the per-file transforms, replacing earlier ones. */
  replaceRequests(state: FileState, requests: readonly FiledEditRequest[], transforms: readonly Transform[]): void;
  /** Applies every request to its target file (after the project phase). */
  applyRequests(transformOptions: Readonly<Record<string, AnyOptionValues>>): void;
}

export function createFileEdits(states: readonly FileState[]): FileEdits {
  const byPath = new Map(states.map((s) => [s.absolutePath, s]));
  const requestsBy = new Map<FileState, FiledRequest[]>();
  return {
    readOriginal(absolutePath) {
      const state = byPath.get(absolutePath);
      return state?.source && !state.skipReason ? state.source.text : null;
    },
    replaceRequests(state, requests, transforms) {
      requestsBy.delete(state);
      const filed = requests.flatMap(({ transformName, request }) => {
        const transform = transforms.find((t) => t.meta.name === transformName);
        return transform ? [{ transform, request }] : [];
      });
      if (filed.length > 0) requestsBy.set(state, filed);
    },
    applyRequests(options) {
      for (const [target, filed] of groupByTarget(requestsBy, byPath)) applyToTarget(target, filed, options);
    },
  };
}

interface TargetRequests {
  requesters: Set<FileState>;
  byTransform: Map<Transform, FileEditRequest[]>;
}

/** Live requests (of files that did not fail) grouped by target, deduplicated. */
function groupByTarget(requestsBy: Map<FileState, FiledRequest[]>, byPath: Map<string, FileState>) {
  const grouped = new Map<FileState, TargetRequests>();
  const seen = new Set<string>();
  for (const [requester, filed] of requestsBy) {
    if (requester.failure) continue;
    for (const { transform, request } of filed) {
      const target = byPath.get(request.file);
      if (!target) {
        requester.failure = {
          message: `${transform.meta.name} asked to edit ${request.file}, which is not a file of this run`,
        };
        continue;
      }
      if (!grouped.has(target)) grouped.set(target, { requesters: new Set(), byTransform: new Map() });
      const entry = grouped.get(target) as TargetRequests;
      entry.requesters.add(requester);
      const key = JSON.stringify([transform.meta.name, request.file, request.action, request.args]);
      if (seen.has(key)) continue;
      seen.add(key);
      if (!entry.byTransform.has(transform)) entry.byTransform.set(transform, []);
      entry.byTransform.get(transform)?.push(request);
    }
  }
  return grouped;
}

/** One parse and one print of the target for all its requests; a failure fails it and its requesters. */
function applyToTarget(
  target: FileState,
  entry: TargetRequests,
  options: Readonly<Record<string, AnyOptionValues>>,
): void {
  const names = [...entry.byTransform.keys()].map((t) => t.meta.name);
  const asked = [...entry.requesters].map((s) => s.path).join(', ');
  if (target.failure || target.text === undefined) {
    failRequesters(entry, `needs an edit of ${target.path}, which ${target.failure ? 'failed' : 'was not read'}`);
    return;
  }
  const changedBy: string[] = [];
  try {
    const edited = editSource(
      target.path,
      target.text,
      ({ j, root }) => {
        for (const [transform, requests] of entry.byTransform) {
          const { context, collected } = createTransformContext({
            j,
            root,
            file: target.path,
            absolutePath: target.absolutePath,
            transform,
            isModule: isModuleSource(j, root, target.path),
            isTypeScript: isTypeScriptFile(target.path),
            nodeEngines: null,
            options: getTransformOptions(transform, options),
          });
          if (transform.applyFileEdits?.(root, context, requests)) changedBy.push(transform.meta.name);
          target.diagnostics.push(...collected.diagnostics);
        }
        return changedBy.length > 0;
      },
      () => `edit asked by ${asked} produced invalid code (${names.join(', ')})`,
    );
    target.parses += 1;
    if (!edited.changed) return;
    target.text = edited.text;
    for (const name of changedBy) if (!target.changedBy.includes(name)) target.changedBy.push(name);
  } catch (error) {
    const e = error as { message?: string; line?: number; column?: number };
    target.failure = {
      message: `cannot apply the edit asked by ${asked}: ${e.message ?? String(error)}`,
      line: e.line,
      column: e.column,
    };
    failRequesters(entry, `needs an edit of ${target.path} that failed`);
  }
}

function failRequesters(entry: TargetRequests, message: string): void {
  for (const requester of entry.requesters) requester.failure ??= { message };
}
