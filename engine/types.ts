/** What the engine returns: plain data that reporters render and the writer applies. */
import type { AsyncFunction } from '../core/async-function';
import type { Diagnostic } from '../core/diagnostic';
import type { AnyOptionValues, GivenOptions, OptionValues } from '../core/options';
import type { ProjectTransform, Transform } from '../transforms/shared/types';
import type { Leftover } from './leftovers';
import type { engineOptions } from './options';

export type FileStatus = 'changed' | 'unchanged' | 'skipped' | 'failed';

export interface FileResult {
  /** Path relative to the run's cwd, with `/` separators: what diffs and reports show. */
  path: string;
  absolutePath: string;
  status: FileStatus;
  /** The file's bytes as read (absent for skipped files that were never read). */
  before?: Buffer;
  /** The bytes `--write` would put on disk (changed files only). */
  after?: Buffer;
  /** File mode as read, kept on write. */
  mode?: number;
  /** Why a file was skipped (`symlink leads out of the tree`, `not valid UTF-8`, …). */
  reason?: string;
  /** Why a file failed, with the location when there is one. */
  error?: { message: string; line?: number; column?: number };
  /** Transforms that changed the file, in pipeline order. */
  changedBy: string[];
  diagnostics: Diagnostic[];
}

export interface RunResult {
  files: FileResult[];
  /** Every diagnostic of the run, files' and the analysis', sorted by file, line, column. */
  diagnostics: Diagnostic[];
  madeAsync: AsyncFunction[];
  /** Exported functions whose signature changed (they now return a promise). */
  apiChanges: AsyncFunction[];
  /** Starting points reported by the per-file transforms (before boundaries were applied). */
  starts: AsyncFunction[];
  /** Sync primitives the run leaves, each with where and why (also a SYNC_PRIMITIVE_LEFT diagnostic). */
  leftovers: Leftover[];
  options: OptionsInEffect;
  stats: RunStats;
}

export interface RunStats {
  discovered: number;
  parsed: number;
  prefiltered: number;
  /**
   * Parses of file texts for editing, all files together (a file is parsed again only where a later phase edits it).
   */
  parses: number;
  /** Worker threads that ran per-file transforms alongside the main thread (`concurrency`). */
  workers: number;
  durationMs: number;
  phaseMs: Record<string, number>;
}

export interface RunOptions {
  /** Files or folders to migrate (default: the cwd). */
  paths: string[];
  cwd: string;
  /** Per-file transforms in pipeline order (resolved from names by transforms/registry.ts). */
  transforms: readonly Transform[];
  /** propagate-async, when selected: plans over the project, then edits call chains. */
  projectTransform?: ProjectTransform | null;
  /** The engine's options (engine/options.ts) as given; defaults fill the rest. */
  options?: GivenOptions;
  /**
   * Each transform's options as given, by transform name; defaults fill the rest. Options for a
   * transform that is not in the run are refused (they would silently do nothing).
   */
  transformOptions?: Readonly<Record<string, GivenOptions>>;
  onProgress?: (done: number, total: number) => void;
  /** Candidate files per worker thread before one is started (default 12; tests lower it). */
  minFilesPerWorker?: number;
}

/** The options a run used, every default filled in: what `--json` echoes. */
export interface OptionsInEffect {
  engine: OptionValues<typeof engineOptions>;
  transforms: Record<string, AnyOptionValues>;
}
