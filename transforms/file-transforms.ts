/**
 * The per-file transforms in pipeline order: runners are unwrapped first (their bodies may hold sync
 * HTTP calls), HTTP calls are converted next. Kept apart from index.ts so that a transform worker
 * thread loads these without propagate-async and its TypeScript analysis.
 */
import type { Transform } from './shared/types';
import { syncHttpToUndici } from './sync-http-to-undici';
import { unwrapRunners } from './unwrap-runners';

export const fileTransforms: readonly Transform[] = [
  unwrapRunners,
  syncHttpToUndici,
];
