/** What a call's surroundings are, as the analysis classifies them (call-sites.ts, callback-sites.ts). */
import type { ts } from 'ts-morph';

/** The array calls whose callback is inlined into a `for…of` loop that awaits. */
export type LoopRewrite = 'for-of' | 'map-loop';

/**
 * What becomes of an array call whose callback became async: a loop (`LoopRewrite`), the map wrapped
 * in `Promise.all` (only with `--parallel-map`: the calls then run at the same time), or nothing.
 */
export type CallbackRewrite = LoopRewrite | 'promise-all' | 'none';

export interface ClassifyOptions {
  /** `--parallel-map`: `arr.map(cb)` → `await Promise.all(arr.map(async cb))`, accepting the change of concurrency. */
  parallelMap: boolean;
}

export const defaultClassifyOptions: ClassifyOptions = { parallelMap: false };

/** What to do with a `map` whose callback became async and that cannot become a loop here. */
export const mapAdvice =
  'rewrite the call as a `for…of` loop that awaits each item, as `map` ran them one after another (or use `await ' +
  'Promise.all(…)`, or rerun with --parallel-map, if running them all at once is fine)';

export type BoundaryKind =
  | 'constructor'
  | 'getter'
  | 'setter'
  | 'class-field'
  | 'static-block'
  | 'generator'
  | 'default-parameter'
  | 'callback'
  | 'array-callback'
  | 'describe'
  | 'function-value'
  | 'module-top-level'
  | 'sync-protocol'
  | 'sync-hook'
  | 'library-member'
  | 'escape'
  | 'react-component';

export type ContainerContext =
  | { kind: 'async-already' }
  /** A function whose callers are found through the index. */
  | { kind: 'function'; fn: ts.FunctionLikeDeclaration }
  /** `arr.map(cb)` and `arr.forEach(cb)` → for…of (see map-loop.ts); then/test callbacks just become async. */
  | { kind: 'callback'; fn: ts.FunctionLikeDeclaration; host: ts.CallExpression; rewrite: CallbackRewrite }
  | { kind: 'iife'; fn: ts.FunctionLikeDeclaration; host: ts.CallExpression }
  | { kind: 'top-level'; file: ts.SourceFile }
  | { kind: 'boundary'; boundary: BoundaryKind; what: string; advice: string };

export function boundary(kind: BoundaryKind, what: string, advice: string): ContainerContext {
  return { kind: 'boundary', boundary: kind, what, advice };
}
