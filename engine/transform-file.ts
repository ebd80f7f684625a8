/**
 * Runs the per-file transforms over one file's text: prefilter each, then one parse → edit → print →
 * verify (source/edit-source.ts) with every transform whose prefilter matched applied in pipeline
 * order. Pure: no file system access.
 */
import { resolve } from 'node:path';
import type { AsyncFunction } from '../core/async-function';
import type { Diagnostic } from '../core/diagnostic';
import { getDefaultOptions, type AnyOptionValues } from '../core/options';
import { editSource } from '../source/edit-source';
import { isTypeScriptFile } from '../source/parsers';
import { createTransformContext, isModuleSource } from '../transforms/shared/context';
import type { DependencyRequest, Transform } from '../transforms/shared/types';

export interface TransformFileInput {
  /** Path used in diagnostics (relative to the cwd in CLI runs). */
  file: string;
  /** Absolute path: conversion ids and made-async records name the file by it (default: `file` resolved). */
  absolutePath?: string;
  /** LF-only text without BOM. */
  text: string;
  transforms: readonly Transform[];
  /** Normalised options by transform name (a transform missing here gets its defaults). */
  options?: Readonly<Record<string, AnyOptionValues>>;
  nodeEngines: string | null;
  /** The nearest package.json's dependency ranges by name (null or absent: unknown). */
  dependencyRanges?: Readonly<Record<string, string>> | null;
  /** Conversions to leave alone (boundaries found by the analysis), by getConversionKey. */
  skipped?: ReadonlySet<string>;
}

export interface TransformFileOutput {
  /** The new text, or the input text unchanged (same string) when nothing changed. */
  text: string;
  changedBy: string[];
  /** Whether the text was parsed (some prefilter matched). */
  parsed: boolean;
  diagnostics: Diagnostic[];
  madeAsync: AsyncFunction[];
  dependencies: DependencyRequest[];
}

export function getTransformOptions(
  transform: Pick<Transform, 'meta'>,
  options: Readonly<Record<string, AnyOptionValues>>,
): AnyOptionValues {
  return options[transform.meta.name] ?? getDefaultOptions(transform.meta.options);
}

export function transformFile(input: TransformFileInput): TransformFileOutput {
  const options = input.options ?? {};
  const absolutePath = input.absolutePath ?? resolve(input.file);
  const output: TransformFileOutput = {
    text: input.text,
    changedBy: [],
    parsed: false,
    diagnostics: [],
    madeAsync: [],
    dependencies: [],
  };
  const candidates = input.transforms.filter((t) => t.prefilter(input.text, getTransformOptions(t, options)));
  if (candidates.length === 0) return output;
  output.parsed = true;
  const edited = editSource(
    input.file,
    input.text,
    ({ j, root }) => {
      const isModule = isModuleSource(j, root, input.file);
      for (const transform of candidates) {
        const { context, collected } = createTransformContext({
          j,
          root,
          file: input.file,
          absolutePath,
          transform,
          isModule,
          isTypeScript: isTypeScriptFile(input.file),
          nodeEngines: input.nodeEngines,
          dependencyRanges: input.dependencyRanges ?? null,
          options: getTransformOptions(transform, options),
          skipped: input.skipped,
        });
        if (transform.apply(root, context)) output.changedBy.push(transform.meta.name);
        output.diagnostics.push(...collected.diagnostics);
        output.madeAsync.push(...collected.madeAsync);
        output.dependencies.push(...collected.dependencies);
      }
      return output.changedBy.length > 0;
    },
    () => `transform produced invalid code (${output.changedBy.join(', ')})`,
  );
  if (!edited.changed) output.changedBy = [];
  output.text = edited.text;
  return output;
}
