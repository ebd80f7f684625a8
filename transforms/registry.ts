/**
 * The transforms awaitify runs, in pipeline order: runners are unwrapped first (their bodies may hold
 * sync HTTP calls), HTTP calls are converted next, and propagate-async carries every newly async
 * function to its callers last. Adding a transform is one folder and one line in `transforms` below;
 * its name is the folder, its fixture folder, its test and its `--transforms` value.
 */
import { UsageError } from '../core/errors';
import { propagateAsync } from './propagate-async';
import { requestToUndici } from './request-to-undici';
import type { ProjectTransform, Transform } from './shared/types';
import { syncHttpToUndici } from './sync-http-to-undici';
import { unwrapRunners } from './unwrap-runners';

export const transforms: readonly Transform[] = [unwrapRunners, syncHttpToUndici, requestToUndici, propagateAsync];

/** A transform that also plans over the whole project (propagate-async). */
export function isProjectTransform(transform: Transform): transform is ProjectTransform {
  return typeof (transform as Partial<ProjectTransform>).planAsync === 'function';
}

export interface SelectedTransforms {
  /** Per-file transforms, in pipeline order. */
  transforms: Transform[];
  projectTransform: ProjectTransform | null;
}

/** The transforms a CLI or an API caller can choose from: this registry, or a test's own list. */
export interface TransformRegistry {
  listTransforms: () => readonly Transform[];
  selectTransforms: (names?: readonly string[]) => SelectedTransforms;
}

/** A registry over `list` (pipeline order); at most one project transform, and it runs last. */
export function createRegistry(list: readonly Transform[]): TransformRegistry {
  return {
    listTransforms: () => list,
    selectTransforms: (names) => {
      const known = new Set(list.map((t) => t.meta.name));
      const unknown = (names ?? []).filter((n) => !known.has(n));
      if (unknown.length > 0) {
        throw new UsageError(
          `unknown transform ${unknown.map((n) => `"${n}"`).join(', ')}; valid names: ${[...known].join(', ')}`,
        );
      }
      const wanted = names && names.length > 0 ? new Set(names) : known;
      const chosen = list.filter((t) => wanted.has(t.meta.name));
      return {
        transforms: chosen.filter((t) => !isProjectTransform(t)),
        projectTransform: chosen.find(isProjectTransform) ?? null,
      };
    },
  };
}

export const registry = createRegistry(transforms);
export const { listTransforms, selectTransforms } = registry;

/** The per-file transforms by name: what a worker thread looks jobs up in. */
export function getFileTransforms(): Map<string, Transform> {
  return new Map(transforms.filter((t) => !isProjectTransform(t)).map((t) => [t.meta.name, t]));
}
