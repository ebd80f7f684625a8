/**
 * The plan the project analysis hands to `propagate-async`: plain, serialisable data. Positions are
 * 1-based lines and columns in the text the analysis was given (the per-file transforms' output).
 */
import type { Diagnostic, NewlyAsync } from '../../transforms/shared/types';

export interface AnalysisInput {
  cwd: string;
  /** Absolute path → current text (LF line endings, no BOM) of every file in the run that could be read. */
  sources: ReadonlyMap<string, string>;
  /** Functions the per-file transforms made async (file = absolute path, positions in their input text). */
  starts: NewlyAsync[];
  /** `--async file#Name` starting points (file relative to cwd or absolute). */
  userStarts: { file: string; name: string }[];
  markBoundaries: boolean;
}

export interface PlannedPosition {
  line: number;
  column: number;
}

export interface FilePlan {
  /** Functions (their start positions) that must be made async. */
  functions: PlannedPosition[];
  /** Call expressions (their start positions) whose result must be awaited. */
  awaitCalls: PlannedPosition[];
  /** Boundaries to mark with an `awaitify:` comment (only with --mark-boundaries). */
  boundaryComments: (PlannedPosition & { text: string })[];
}

/** A chain that reached a context that cannot be async (getter, constructor, sync-only callback, …). */
export interface Boundary {
  /** From the starting point up to the boundary: `fetchUser (src/api.ts:3) → User.name (getter, src/user.ts:12)`. */
  chain: string[];
  /** Conversions of the per-file transforms to leave out so that the chain keeps working synchronously. */
  skipConversionIds: string[];
}

export interface MadeAsyncEntry {
  file: string;
  name: string | null;
  line: number;
  column: number;
  /** Which call forced it: `calls fetchUser (src/api.ts:14:10)`, or the transform's reason. */
  reason: string;
  exported: boolean;
}

export interface AsyncPlan {
  /** Keyed by absolute path. */
  files: Record<string, FilePlan>;
  boundaries: Boundary[];
  diagnostics: Diagnostic[];
  madeAsync: MadeAsyncEntry[];
}

export type PlanAsync = (input: AnalysisInput) => AsyncPlan;
