/**
 * The transforms awaitify runs, in pipeline order: runners are unwrapped first (their bodies may hold
 * sync HTTP calls), HTTP calls are converted next, and propagate-async carries every newly async
 * function to its callers last. One name is used for the file, its fixtures, its test and `--transforms`.
 */
import { UsageError } from '../core/errors';
import type { ProjectTransform, Transform } from './shared/types';
import { fileTransforms } from './file-transforms';
import { propagateAsync } from './propagate-async';

export { fileTransforms };

export const projectTransform: ProjectTransform | null = propagateAsync;

export function listTransforms(): Transform[] {
  return projectTransform ? [...fileTransforms, projectTransform] : [...fileTransforms];
}

export interface SelectedTransforms {
  transforms: Transform[];
  projectTransform: ProjectTransform | null;
}

/** Resolves `--transforms a,b` (default: all) into pipeline order; unknown names are a usage error. */
export function selectTransforms(names?: readonly string[]): SelectedTransforms {
  const all = listTransforms();
  const known = new Set(all.map((t) => t.meta.name));
  const unknown = (names ?? []).filter((n) => !known.has(n));
  if (unknown.length > 0) {
    throw new UsageError(
      `unknown transform ${unknown.map((n) => `"${n}"`).join(', ')}; valid names: ${[...known].join(', ')}`,
    );
  }
  const wanted = names && names.length > 0 ? new Set(names) : known;
  return {
    transforms: fileTransforms.filter((t) => wanted.has(t.meta.name)),
    projectTransform: projectTransform && wanted.has(projectTransform.meta.name) ? projectTransform : null,
  };
}
