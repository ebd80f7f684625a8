/** What the engine returns: plain data that reporters render and the writer applies. */
import type { Diagnostic, NewlyAsync, ProjectTransform, Transform } from '../transforms/shared/types';

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

/** A function made async by the run, with what forced it (for the JSON report). */
export interface MadeAsync {
  file: string;
  name: string | null;
  line: number;
  column: number;
  reason: string;
}

export interface RunResult {
  files: FileResult[];
  /** Every diagnostic of the run, files' and the analysis', sorted by file, line, column. */
  diagnostics: Diagnostic[];
  madeAsync: MadeAsync[];
  /** Exported functions whose signature changed (they now return a promise). */
  apiChanges: MadeAsync[];
  /** Starting points reported by the per-file transforms (before boundaries were applied). */
  newlyAsync: NewlyAsync[];
  stats: RunStats;
}

export interface RunStats {
  discovered: number;
  parsed: number;
  prefiltered: number;
  /** Worker threads that ran per-file transforms alongside the main thread (`concurrency`). */
  workers: number;
  durationMs: number;
  phaseMs: Record<string, number>;
}

export interface RunOptions {
  /** Files or folders to migrate (default: the cwd). */
  paths: string[];
  cwd: string;
  /** Per-file transforms in pipeline order (resolved from names by transforms/index.ts). */
  transforms: readonly Transform[];
  /** propagate-async, when selected: plans over the project, then edits call chains. */
  projectTransform?: ProjectTransform | null;
  ignore?: string[];
  runners?: string[];
  /** `file#Name` starting points named by the user (`--async`). */
  asyncNames?: string[];
  markBoundaries?: boolean;
  /** `--parallel-map`: maps whose callback became async run their calls at once (Promise.all). */
  parallelMap?: boolean;
  /** Files larger than this many bytes are skipped (default 2 MB). */
  maxFileSize?: number;
  onProgress?: (done: number, total: number) => void;
  /**
   * Threads for the per-file transforms, the main thread included (default 1). More than one starts
   * worker threads when there are enough files that a prefilter matched (file-jobs.ts).
   */
  concurrency?: number;
  /** Candidate files per worker thread before one is started (default 12; tests lower it). */
  minFilesPerWorker?: number;
}
