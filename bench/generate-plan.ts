/**
 * Plans the generated repository: how many files of each kind, which pattern files start chains of
 * callers and how deep, and module sizes drawn from the distribution measured on real repositories
 * (perf-anchors.md, outline: ~32% under 1 KB, ~40% 1-4 KB, ~24% 4-16 KB, ~3.6% up to 64 KB, 0.1% beyond;
 * about 4 KB on average).
 */
import type { ModuleStyle } from './module-writer';
import type { PatternKind } from './pattern-blocks';
import type { Prng } from './prng';

export interface ChainPlan {
  kind: PatternKind;
  style: ModuleStyle;
  /** Caller files above the pattern file (0 = the pattern file alone). */
  callerFiles: number;
  /** Caller functions per caller file, bottom first (1 or 2). */
  callersPerFile: number[];
  /** What the top caller file is: an exported function, a controller method or a test. */
  top: 'function' | 'controller' | 'test';
}

export interface RepositoryPlan {
  chains: ChainPlan[];
  ordinaryFiles: number;
}

/** Share of files that use a sync pattern, and of functions that must become async, per file. */
export const patternFileShare = 0.02;
export const asyncFunctionShare = 0.04;
/** The deepest chain spans this many files (the pattern file and its callers). */
export const maxChainFiles = 8;

const kindShares: readonly (readonly [PatternKind, number])[] = [
  ['sync-request', 0.35],
  ['sync-fetch', 0.3],
  ['deasync', 0.2],
  ['co', 0.15],
];

export function pickStyle(rng: Prng): ModuleStyle {
  return rng.weighted([
    ['ts', 50],
    ['cjs', 35],
    ['esm', 15],
  ]);
}

/** Module size in bytes: a size bucket by weight, then log-uniform inside it. */
export function pickModuleSize(rng: Prng): number {
  const bucket = rng.weighted([
    [0, 32],
    [1, 42],
    [2, 23],
    [3, 2.8],
    [4, 0.12],
  ]);
  const [low, high] = [
    [300, 1024],
    [1024, 4096],
    [4096, 16384],
    [16384, 65536],
    [65536, 131072],
  ][bucket];
  return Math.round(Math.exp(Math.log(low) + rng.next() * (Math.log(high) - Math.log(low))));
}

function countKinds(patternFiles: number): PatternKind[] {
  const kinds: PatternKind[] = [];
  for (const [kind, share] of kindShares.slice(1)) {
    for (let i = Math.round(patternFiles * share); i > 0; i--) kinds.push(kind);
  }
  while (kinds.length < patternFiles) kinds.unshift('sync-request');
  return kinds.slice(0, patternFiles);
}

function shuffle<T>(rng: Prng, items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}

/** Splits `budget` caller functions over caller files: the first chain is the deepest one. */
function pickCallersPerFile(rng: Prng, chainIndex: number, budget: number): number[] {
  const files =
    chainIndex === 0
      ? maxChainFiles - 1
      : rng.weighted([
          [0, 30],
          [1, 25],
          [2, 15],
          [3, 10],
          [4, 8],
          [5, 5],
          [6, 4],
          [7, 3],
        ]);
  const perFile: number[] = [];
  let left = budget;
  for (let i = 0; i < files && left > 0; i++) {
    const count = left >= 2 && rng.chance(0.15) ? 2 : 1;
    perFile.push(count);
    left -= count;
  }
  return perFile;
}

export function planRepository(rng: Prng, totalFiles: number): RepositoryPlan {
  const patternFiles = Math.max(1, Math.round(totalFiles * patternFileShare));
  const kinds = shuffle(rng, countKinds(patternFiles));
  const chainable = kinds.filter((k) => k !== 'co').length;
  let budget = Math.max(0, Math.round(totalFiles * asyncFunctionShare) - chainable);
  let chainIndex = 0;
  const chains = kinds.map((kind): ChainPlan => {
    const style = pickStyle(rng);
    const callersPerFile = kind === 'co' ? [] : pickCallersPerFile(rng, chainIndex++, budget);
    const top = rng.weighted<ChainPlan['top']>([
      ['function', 70],
      ['controller', 15],
      ['test', 15],
    ]);
    // A controller or test at the top holds exactly one function that becomes async.
    if (top !== 'function' && callersPerFile.length > 0) callersPerFile[callersPerFile.length - 1] = 1;
    budget -= callersPerFile.reduce((a, b) => a + b, 0);
    return { kind, style, callerFiles: callersPerFile.length, callersPerFile, top };
  });
  const chainFiles = chains.reduce((sum, c) => sum + 1 + c.callerFiles, 0);
  return { chains, ordinaryFiles: Math.max(0, totalFiles - chainFiles) };
}
