/**
 * Builds the TransformContext a transform talks to, and collects what it reported. The engine uses
 * one per file and transform; the standalone jscodeshift entry point uses one too and prints what was
 * collected through jscodeshift's `api.report`.
 */
import type { ASTNode, ASTPath, Collection, JSCodeshift } from 'jscodeshift';
import { functionNamePath } from './function-name';
import type { LineColumn } from '../../core/positions';
import { getParsedSource, type ParsedSource } from '../../source/parsed-source';
import { getConversionKey, type AsyncFunction, type ConversionId } from '../../core/async-function';
import type { Diagnostic, DiagnosticSpec } from '../../core/diagnostic';
import type { AnyOptionValues } from '../../core/options';
import type { DependencyRequest, DiagnosticInput, RunFiles, Transform, TransformContext } from './types';

export interface ContextInput {
  j: JSCodeshift;
  file: string;
  /** The parsed file: diagnostics and conversion ids are placed by offsets into its text. */
  root: Collection;
  /** The transform the context is for: its name names conversions, its meta declares the codes it reports. */
  transform: Pick<Transform, 'meta'>;
  isModule: boolean;
  isTypeScript: boolean;
  nodeEngines: string | null;
  /** The nearest package.json's dependency ranges by name (null or absent: unknown). */
  dependencyRanges?: Readonly<Record<string, string>> | null;
  /** The transform's options, normalised (core/options.ts). */
  options: AnyOptionValues;
  /** Absolute path of the file: conversion ids name it. */
  absolutePath: string;
  /** Conversions the engine wants left alone (boundaries found by the analysis), by getConversionKey. */
  skipped?: ReadonlySet<string>;
  /** The run's other files, for transforms that edit them (see TransformContext.runFiles). */
  runFiles?: RunFiles;
}

export interface CollectedReports {
  diagnostics: Diagnostic[];
  madeAsync: AsyncFunction[];
  dependencies: DependencyRequest[];
}

/** Where a parsed node starts in the parsed text; null for a node a transform built. */
function getStart(source: ParsedSource, target: ASTNode | ASTPath | undefined): LineColumn | null {
  if (!target) return null;
  const isPath = 'node' in target && 'parentPath' in target;
  return source.locate(isPath ? target.node : target);
}

/** A diagnostic at `d.node` (or the line and column given), with the severity its code was declared with. */
function toDiagnostic(input: ContextInput, parsed: ParsedSource, d: DiagnosticInput): Diagnostic {
  const spec = input.transform.meta.diagnostics[d.code] as DiagnosticSpec | undefined;
  if (!spec) throw new Error(`${input.transform.meta.name} reported ${d.code}, which its meta does not declare`);
  const start = getStart(parsed, d.node) ?? { line: d.line ?? 1, column: d.column ?? 1 };
  return { code: d.code, severity: spec.severity, message: d.message, file: input.file, ...start };
}

/** Records that `fn` became async; a second conversion in the same function joins the first record. */
function recordMadeAsync(
  input: ContextInput,
  parsed: ParsedSource,
  madeAsync: AsyncFunction[],
  made: { fn: ASTPath; reason: string; conversions: readonly ConversionId[] },
): void {
  const start = getStart(parsed, made.fn) ?? { line: 1, column: 1 };
  const existing = madeAsync.find((n) => n.line === start.line && n.column === start.column);
  if (existing) {
    const keys = new Set(existing.conversions.map(getConversionKey));
    existing.conversions.push(...made.conversions.filter((id) => !keys.has(getConversionKey(id))));
    return;
  }
  const name = functionNamePath(made.fn);
  const conversions = [...made.conversions];
  madeAsync.push({ file: input.absolutePath, name, ...start, reason: made.reason, conversions, exported: false });
}

export function createTransformContext(input: ContextInput): {
  context: TransformContext;
  collected: CollectedReports;
} {
  const collected: CollectedReports = { diagnostics: [], madeAsync: [], dependencies: [] };
  const skipped = input.skipped ?? new Set<string>();
  const parsed = getParsedSource(input.root);
  const context: TransformContext = {
    j: input.j,
    file: input.file,
    isModule: input.isModule,
    isTypeScript: input.isTypeScript,
    nodeEngines: input.nodeEngines,
    dependencyRanges: input.dependencyRanges ?? null,
    options: input.options,
    report: (d) => collected.diagnostics.push(toDiagnostic(input, parsed, d)),
    reportMadeAsync: (fn, reason, conversions) =>
      recordMadeAsync(input, parsed, collected.madeAsync, { fn, reason, conversions }),
    requestDependency: (request) => collected.dependencies.push(request),
    conversionId(node) {
      const target = 'node' in node && 'parentPath' in node ? node.node : node;
      const start = parsed.getOffsets(target)?.start ?? -1;
      return { file: input.absolutePath, transform: input.transform.meta.name, start };
    },
    isSkipped: (conversion) => skipped.has(getConversionKey(conversion)),
    placeOf(conversion) {
      const { line, column } = parsed.lines.locate(Math.max(0, conversion.start));
      return `${line}:${column}`;
    },
    ...(input.runFiles ? { runFiles: input.runFiles } : {}),
  };
  return { context, collected };
}

const moduleDeclarationTypes = new Set([
  'ImportDeclaration',
  'ExportNamedDeclaration',
  'ExportDefaultDeclaration',
  'ExportAllDeclaration',
]);

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
