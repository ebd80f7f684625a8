/**
 * The contract between transforms and the engine. A transform works on an already parsed jscodeshift
 * root (so the engine parses each file once for every transform in the pipeline) and talks back only
 * through the `TransformContext`: diagnostics, functions it made async, package.json changes.
 */
import type { ASTNode, ASTPath, Collection, JSCodeshift } from 'jscodeshift';
import type { ConversionId } from '../../core/async-function';
import type { DiagnosticSpecs } from '../../core/diagnostic';
import type { AnyOptionValues, OptionSchema, OptionValues } from '../../core/options';
import type { AnalysisInput, AsyncPlan, FilePlan } from '../../analysis/types';

/** What the engine gives a project transform to plan over: the run's files and its starting points. */
export type ProjectInput = Omit<AnalysisInput, 'options'>;

/**
 * What a transform reports; the context fills in file, line and column from `node`, and the severity
 * from the code's declaration in the transform's meta.
 */
export interface DiagnosticInput {
  code: string;
  message: string;
  node?: ASTNode | ASTPath;
  line?: number;
  column?: number;
}

/** A dependency change the run wants in the nearest package.json. */
export interface DependencyRequest {
  name: string;
  /** Range to add, e.g. `^7.16.0`; absent for a removal request. */
  range?: string;
  kind: 'add' | 'remove-if-unused';
}

export interface TransformContext<O = AnyOptionValues> {
  readonly j: JSCodeshift;
  /** The file's path as the engine knows it (also used in diagnostics). */
  readonly file: string;
  /** Whether the file is an ES module (import/export syntax, .mjs/.mts); CommonJS otherwise. */
  readonly isModule: boolean;
  /** Whether the file is TypeScript (.ts, .tsx, .mts, .cts). */
  readonly isTypeScript: boolean;
  /** The project's `engines.node` range from the nearest package.json, if any. */
  readonly nodeEngines: string | null;
  /**
   * The nearest package.json's dependencies by name (every block; dependencies win), e.g. to see which
   * test libraries a project uses; null or absent when unknown (no package.json, plain jscodeshift).
   */
  readonly dependencyRanges?: Readonly<Record<string, string>> | null;
  /** This transform's options (its meta's schema), checked and with defaults filled in. */
  readonly options: O;
  report(diagnostic: DiagnosticInput): void;
  /** Record that `fn` was made async by this transform (it must already carry `async`). */
  reportMadeAsync(fn: ASTPath, reason: string, conversions: readonly ConversionId[]): void;
  requestDependency(request: DependencyRequest): void;
  /** A stable name for the conversion at `node` (its offset in the input), for isSkipped and reportMadeAsync. */
  conversionId(node: ASTNode | ASTPath): ConversionId;
  /** True when the engine asked for this conversion to be left as it was (a boundary above it). */
  isSkipped(conversion: ConversionId): boolean;
  /** Where a conversion is, as `line:column` in the input, for reasons shown to the user. */
  placeOf(conversion: ConversionId): string;
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

export interface TransformMeta<S extends OptionSchema = OptionSchema> {
  /** Kebab-case verb phrase; also the folder name, the fixture folder and the `--transforms` value. */
  name: string;
  description: string;
  /** The options this transform reads: each becomes a flag, a config key and a line of `--help`. */
  options: S;
  /** Diagnostic codes this transform can report: one severity and one summary each. */
  diagnostics: DiagnosticSpecs;
}

export interface Transform<S extends OptionSchema = OptionSchema> {
  meta: TransformMeta<S>;
  /**
   * Cheap text test: false means the file cannot contain anything this transform changes, so the
   * engine does not parse it for this transform. It must never return false for a file it would change.
   * `options` lets a transform look for user-named things (`--runner runSync`).
   */
  prefilter(source: string, options: OptionValues<S>): boolean;
  /** Edit `root` in place. Returns true when the AST changed. */
  apply(root: Collection, context: TransformContext<OptionValues<S>>): boolean;
  /**
   * Applies the edits this transform requested (through `context.runFiles`) for the file of `root`,
   * after propagate-async, on that file's then-current text. Returns true when the AST changed. Throws
   * (with `line`/`column` when known) when a request cannot be applied: the engine then fails this
   * file and every file that asked, so no caller is left pointing at a missing export.
   */
  applyFileEdits?(
    root: Collection,
    context: TransformContext<OptionValues<S>>,
    requests: readonly FileEditRequest[],
  ): boolean;
}

/**
 * propagate-async: a transform that also needs the whole project. The engine asks it for a plan over
 * every file (`planAsync`), then applies the plan file by file (`applyPlan`); `apply` alone does the
 * same within one file (standalone jscodeshift use).
 */
export interface ProjectTransform<S extends OptionSchema = OptionSchema> extends Transform<S> {
  planAsync(input: ProjectInput, options: OptionValues<S>): AsyncPlan;
  applyPlan(root: Collection, context: TransformContext<OptionValues<S>>, plan: FilePlan): boolean;
}

/** Whether a transform's conversions can ask for edits of other files (it has `applyFileEdits`). */
export function editsOtherFiles(transform: Transform): boolean {
  return 'applyFileEdits' in transform && typeof transform['applyFileEdits'] === 'function';
}
