/**
 * The plan the project analysis hands to `propagate-async`: plain, serialisable data. Plan positions are
 * character offsets in the text the analysis was given (the per-file transforms' output), which is the
 * text propagate-async parses: nothing recomputes a line and column on the other side.
 */
import type { AsyncFunction, ConversionId } from '../core/async-function';
import type { Diagnostic } from '../core/diagnostic';

export interface AnalysisInput {
  cwd: string;
  /** Absolute path → current text (LF line endings, no BOM) of every file in the run that could be read. */
  sources: ReadonlyMap<string, string>;
  /** Functions the per-file transforms made async (file = absolute path, positions in their input text). */
  starts: AsyncFunction[];
  options: AnalysisOptions;
}

/** propagate-async's options, which its meta declares (see transforms/propagate-async/index.ts). */
export interface AnalysisOptions {
  /** `FILE#NAME` starting points the user declares newly async (FILE relative to cwd or absolute). */
  async: readonly string[];
  /** Convert through boundaries, commenting each, instead of leaving their chains unchanged. */
  markBoundaries: boolean;
  /** Maps whose callback became async are wrapped in Promise.all instead of becoming loops. */
  parallelMap: boolean;
}

export interface PlannedPosition {
  /** Offset of the node's first character (Babel's `node.start`). */
  start: number;
  /** Offset just past the node (Babel's `node.end`), when the start alone is ambiguous (`a.b().c()`). */
  end?: number;
}

/** How a call whose callback became async is rewritten (at the position of the array-method call). */
export type CallbackRewriteKind = 'for-of' | 'map-loop' | 'promise-all';

/** What a call of unwrap-runners' co-yield helper becomes: `await value` or `await Promise.all(value)`. */
export type CoYieldForm = 'await' | 'all';

export interface FilePlan {
  /** Functions (their start positions) that must be made async. */
  functions: PlannedPosition[];
  /** Call expressions (their start positions) whose result must be awaited. */
  awaitCalls: PlannedPosition[];
  /** Boundaries to mark with an `awaitify:` comment (only with --mark-boundaries). */
  boundaryComments: (PlannedPosition & { text: string })[];
  /**
   * `arr.forEach(cb)` → `for…of`, `arr.map(cb)` → `for…of` into an array; `mapArguments` when the callback
   * is a function passed by name: how many of map's arguments (item, index, array) to call it with;
   * `iterateValues` when a forEach's receiver may be a Map or Set: the loop goes over `.values()` (additive field).
   */
  callbackRewrites?: (PlannedPosition & {
    kind: CallbackRewriteKind;
    mapArguments?: number;
    iterateValues?: boolean;
  })[];
  /**
   * TypeScript type members whose return type becomes `Promise<T>` without an `async` keyword:
   * interface methods, abstract methods, overload signatures, function-typed variables (additive field).
   */
  signatures?: PlannedPosition[];
  /** Parameters whose default value must await: it moves into the function body (additive field). */
  movedDefaults?: PlannedPosition[];
  /**
   * A CommonJS entry script whose top level must await: `main` wraps its statements in an async main,
   * `main-catch` turns its lone `main();` into a handled `main().catch(…)` (additive field).
   */
  entryScript?: 'main' | 'main-catch';
  /**
   * Calls of the co-yield helper whose argument the checker types as a promise, or an array of them:
   * the call gives way to its argument, or to `Promise.all(argument)` (additive field).
   */
  coYieldCalls?: (PlannedPosition & { form: CoYieldForm })[];
  /** The co-yield helper's declaration, to remove: no call of it is left (additive field). */
  coYieldHelper?: PlannedPosition;
}

/** A chain that reached a context that cannot be async (getter, constructor, sync-only callback, …). */
export interface Boundary {
  /** From the starting point up to the boundary: `fetchUser (src/api.ts:3) → User.name (getter, src/user.ts:12)`. */
  chain: string[];
  /**
   * Conversions of the per-file transforms to leave out so that the chain keeps working synchronously
   * (none with --mark-boundaries, which converts through the boundary and comments it).
   */
  skip: ConversionId[];
  /**
   * The diagnostic that explains it. The engine keeps it after the round that dropped the conversions
   * (the next round's plan no longer sees the chain, so it would not report it again).
   */
  diagnostic?: Diagnostic;
}

export interface AsyncPlan {
  /** Keyed by absolute path. */
  files: Record<string, FilePlan>;
  boundaries: Boundary[];
  diagnostics: Diagnostic[];
  /** In the analysed text's positions; `conversions` are the starting point's, for the functions it forced. */
  madeAsync: AsyncFunction[];
  /** What the analysis cost, for the benchmark (additive field). */
  stats?: AnalysisStats;
}

export interface AnalysisStats {
  /** Building the TypeScript program and its checker over the loaded files. */
  programMs: number;
  /** Indexing calls and propagating to the fixpoint (program excluded). */
  analyseMs: number;
  /** Files given / files loaded into the program as roots / files in the program (incl. lib). */
  filesGiven: number;
  filesLoaded: number;
  filesInProgram: number;
  /** Call expressions whose target the checker resolved. */
  callsResolved: number;
}

export type PlanAsync = (input: AnalysisInput) => AsyncPlan;
