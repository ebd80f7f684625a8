/**
 * Builds the TransformContext a transform talks to, and collects what it reported. The engine uses
 * one per file and transform; the standalone jscodeshift entry point uses one too and prints what was
 * collected through jscodeshift's `api.report`.
 */
import type { ASTNode, ASTPath, Collection, JSCodeshift } from 'jscodeshift';
import { functionNamePath } from './function-name';
import { getParsedSource, type LineColumn, type ParsedSource } from '../../source/parsed-source';
import type {
  DependencyRequest,
  Diagnostic,
  DiagnosticInput,
  NewlyAsync,
  TransformContext,
  RunFiles,
  TransformOptions,
} from './types';

export interface ContextInput {
  j: JSCodeshift;
  file: string;
  /** The parsed file: diagnostics and conversion ids are placed by offsets into its text. */
  root: Collection;
  transformName: string;
  isModule: boolean;
  isTypeScript: boolean;
  nodeEngines: string | null;
  options: TransformOptions;
  /** Conversion ids the engine wants left alone (boundaries found by the analysis). */
  skipped?: ReadonlySet<string>;
  /** The run's other files, for transforms that edit them (see TransformContext.runFiles). */
  runFiles?: RunFiles;
}

export interface CollectedReports {
  diagnostics: Diagnostic[];
  newlyAsync: NewlyAsync[];
  dependencies: DependencyRequest[];
}

/** Where a parsed node starts in the parsed text; null for a node a transform built. */
function getStart(source: ParsedSource, target: ASTNode | ASTPath | undefined): LineColumn | null {
  if (!target) return null;
  const isPath = 'node' in target && 'parentPath' in target;
  return source.locate(isPath ? (target as ASTPath).node : target);
}

export function createTransformContext(input: ContextInput): {
  context: TransformContext;
  collected: CollectedReports;
} {
  const collected: CollectedReports = { diagnostics: [], newlyAsync: [], dependencies: [] };
  const skipped = input.skipped ?? new Set<string>();
  const parsed = getParsedSource(input.root);
  const context: TransformContext = {
    j: input.j,
    file: input.file,
    isModule: input.isModule,
    isTypeScript: input.isTypeScript,
    nodeEngines: input.nodeEngines,
    options: input.options,
    report(d: DiagnosticInput) {
      const start = getStart(parsed, d.node) ?? { line: d.line ?? 1, column: d.column ?? 1 };
      collected.diagnostics.push({
        code: d.code,
        severity: d.severity ?? 'warning',
        message: d.message,
        file: input.file,
        line: start.line,
        column: start.column,
      });
    },
    reportNewlyAsync(fn: ASTPath, reason: string, conversionIds: string[]) {
      const start = getStart(parsed, fn) ?? { line: 1, column: 1 };
      const existing = collected.newlyAsync.find((n) => n.line === start.line && n.column === start.column);
      if (existing) {
        existing.conversionIds.push(...conversionIds.filter((id) => !existing.conversionIds.includes(id)));
        return;
      }
      collected.newlyAsync.push({
        file: input.file,
        name: functionNamePath(fn),
        line: start.line,
        column: start.column,
        reason,
        conversionIds: [...conversionIds],
      });
    },
    requestDependency(request: DependencyRequest) {
      collected.dependencies.push(request);
    },
    conversionId(node: ASTNode | ASTPath) {
      const start = getStart(parsed, node) ?? { line: 0, column: 0 };
      return `${input.transformName}:${start.line}:${start.column}`;
    },
    isSkipped(conversionId: string) {
      return skipped.has(conversionId);
    },
    ...(input.runFiles ? { runFiles: input.runFiles } : {}),
  };
  return { context, collected };
}

const moduleDeclarationTypes = new Set(['ImportDeclaration', 'ExportNamedDeclaration', 'ExportDefaultDeclaration', 'ExportAllDeclaration']);

/** Whether a parsed program uses ES module syntax (import/export), or the extension says so. */
export function isModuleSource(j: JSCodeshift, root: ReturnType<JSCodeshift>, file: string): boolean {
  const lower = file.toLowerCase();
  if (lower.endsWith('.mjs') || lower.endsWith('.mts')) return true;
  if (lower.endsWith('.cjs') || lower.endsWith('.cts')) return false;
  // import/export declarations exist only at the top level (an `export` inside a TypeScript namespace
  // does not make a module), so the program body tells without walking the tree
  const body = (root.get().node as { program: { body: { type: string }[] } }).program.body;
  return body.some((node) => moduleDeclarationTypes.has(node.type));
}
