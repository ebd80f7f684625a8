/**
 * The contract between transforms and the engine. A transform works on an already parsed jscodeshift
 * root (so the engine parses each file once for every transform in the pipeline) and talks back only
 * through the `TransformContext`: diagnostics, functions it made async, package.json changes.
 */
import type { ASTNode, ASTPath, Collection, JSCodeshift } from 'jscodeshift';

export type Severity = 'error' | 'warning' | 'info';

/** A finding with a location: the unit every report, test and summary is built from. */
export interface Diagnostic {
  code: string;
  severity: Severity;
  message: string;
  /** Path as given to the engine (relative to the run's cwd in CLI output). */
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
}

/** What a transform reports; the context fills in file, line and column from `node`. */
export interface DiagnosticInput {
  code: string;
  severity?: Severity;
  message: string;
  node?: ASTNode | ASTPath;
  line?: number;
  column?: number;
}

/**
 * A function a transform made async. `name` is a dotted path within its file as the user writes it on
 * the command line (`getJson`, `Db.query`, `api.fetchUser`), or null for an anonymous function (its
 * callers cannot be looked up by name; same-file propagation still sees it).
 */
export interface NewlyAsync {
  file: string;
  name: string | null;
  /** Location of the function in the transform's input (1-based line and column). */
  line: number;
  column: number;
  /** Why it became async, for the report: `awaits undici.request (sync-request at 12:5)`. */
  reason: string;
  /**
   * Identifies the conversions that forced it, so the engine can ask the transform to leave them out
   * when the chain above reaches a boundary (`conversionId`s, see TransformContext.isSkipped).
   */
  conversionIds: string[];
}

/** A dependency change the run wants in the nearest package.json. */
export interface DependencyRequest {
  name: string;
  /** Range to add, e.g. `^7.16.0`; absent for a removal request. */
  range?: string;
  kind: 'add' | 'remove-if-unused';
}

export interface TransformContext {
  readonly j: JSCodeshift;
  /** The file's path as the engine knows it (also used in diagnostics). */
  readonly file: string;
  /** Whether the file is an ES module (import/export syntax, .mjs/.mts); CommonJS otherwise. */
  readonly isModule: boolean;
  /** Whether the file is TypeScript (.ts, .tsx, .mts, .cts). */
  readonly isTypeScript: boolean;
  /** The project's `engines.node` range from the nearest package.json, if any. */
  readonly nodeEngines: string | null;
  /** Options from the CLI (`--runner`, …), already normalised. */
  readonly options: TransformOptions;
  report(diagnostic: DiagnosticInput): void;
  /** Record that `fn` was made async by this transform (it must already carry `async`). */
  reportNewlyAsync(fn: ASTPath, reason: string, conversionIds: string[]): void;
  requestDependency(request: DependencyRequest): void;
  /** A stable id for a conversion at `node` (`<transform>:<line>:<column>` of the input). */
  conversionId(node: ASTNode | ASTPath): string;
  /** True when the engine asked for this conversion to be left as it was (a boundary above it). */
  isSkipped(conversionId: string): boolean;
  /**
   * The other files of the run, for a transform whose conversion needs an edit elsewhere (a synckit
   * caller needs its worker to export the function). Present only for transforms that define
   * `applyFileEdits`, and only in engine runs (absent under plain jscodeshift).
   */
  readonly runFiles?: RunFiles;
}

/**
 * An edit a transform asks for in another file of the run. Requests with the same file, action and
 * arguments are one; the engine hands them back to the same transform's `applyFileEdits`.
 */
export interface FileEditRequest {
  /** Absolute path of the file to edit. */
  file: string;
  /** What to do, in terms the requesting transform understands (`export-worker-function`). */
  action: string;
  args: readonly string[];
}

export interface RunFiles {
  /** Absolute path of the file being transformed (to resolve relative specifiers). */
  readonly absolutePath: string;
  /**
   * Original text (LF, no BOM) of a file of the run by absolute path, or null when the path is not a
   * readable file of the run. Check here that a requested edit will apply before relying on it.
   */
  readOriginal(absolutePath: string): string | null;
  /** Ask for an edit of another file, applied after the project phase (see Transform.applyFileEdits). */
  requestEdit(request: FileEditRequest): void;
}

/** Options shared by all transforms; each transform reads the fields it needs. */
export interface TransformOptions {
  /** User-named runner helpers (`--runner runSync`). */
  runners: readonly string[];
  /** Convert everything but leave an `awaitify:` comment at boundaries instead of skipping the chain. */
  markBoundaries: boolean;
  /** `--parallel-map`: propagate-async wraps maps in Promise.all instead of turning them into loops. */
  parallelMap: boolean;
}

export const defaultTransformOptions: TransformOptions = { runners: [], markBoundaries: false, parallelMap: false };

export interface TransformMeta {
  /** Kebab-case verb phrase; also the file name, the fixture folder and the `--transforms` value. */
  name: string;
  description: string;
  /** Diagnostic codes this transform can report, with what each one means for the user. */
  diagnostics: Readonly<Record<string, string>>;
}

export interface Transform {
  meta: TransformMeta;
  /**
   * Cheap text test: false means the file cannot contain anything this transform changes, so the
   * engine does not parse it for this transform. It must never return false for a file it would change.
   * `options` lets a transform look for user-named things (`--runner runSync`).
   */
  prefilter(source: string, options?: TransformOptions): boolean;
  /** Edit `root` in place. Returns true when the AST changed. */
  apply(root: Collection, context: TransformContext): boolean;
  /**
   * Applies the edits this transform requested (through `context.runFiles`) for the file of `root`,
   * after propagate-async, on that file's then-current text. Returns true when the AST changed. Throws
   * (with `line`/`column` when known) when a request cannot be applied: the engine then fails this
   * file and every file that asked, so no caller is left pointing at a missing export.
   */
  applyFileEdits?(root: Collection, context: TransformContext, requests: readonly FileEditRequest[]): boolean;
}

/**
 * propagate-async: a transform that also needs the whole project. The engine asks it for a plan over
 * every file (`planAsync`), then applies the plan file by file (`applyPlan`); `apply` alone does the
 * same within one file (standalone jscodeshift use).
 */
export interface ProjectTransform extends Transform {
  planAsync: import('../../analysis/types').PlanAsync;
  applyPlan(root: Collection, context: TransformContext, plan: import('../../analysis/types').FilePlan): boolean;
}
