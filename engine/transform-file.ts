/**
 * Runs the per-file transforms over one file's text: prefilter each, parse once (lazily, only if some
 * transform's prefilter matched), apply in pipeline order, print once, and check the printed code
 * still parses. Pure: no file system access.
 */
// jscodeshift's `find` on a walk that builds fewer paths and writes nothing into the tree
import '../source/tree-walk';
import jscodeshift, { type Collection } from 'jscodeshift';
import { detectQuote } from '../source/code-style';
import { keepDirectivesPrintable, keepInterpreterLine } from '../source/directives';
import { createTransformContext, isModuleSource } from '../transforms/shared/context';
import { registerParsedSource } from '../source/parsed-source';
import { getParser, getParserName, isTypeScriptFile, parseWithoutTokens } from '../source/parsers';
import type {
  DependencyRequest,
  Diagnostic,
  NewlyAsync,
  Transform,
  TransformOptions,
} from '../transforms/shared/types';

export interface TransformFileInput {
  /** Path used in diagnostics (relative to the cwd in CLI runs). */
  file: string;
  /** LF-only text without BOM. */
  text: string;
  transforms: readonly Transform[];
  options: TransformOptions;
  nodeEngines: string | null;
  /** Conversion ids to leave alone (boundaries found by the analysis). */
  skipped?: ReadonlySet<string>;
}

export interface TransformFileOutput {
  /** The new text, or the input text unchanged (same string) when nothing changed. */
  text: string;
  changedBy: string[];
  parsed: boolean;
  diagnostics: Diagnostic[];
  newlyAsync: NewlyAsync[];
  dependencies: DependencyRequest[];
}

/** An error with the place in the file it is about. */
export class LocatedError extends Error {
  constructor(
    message: string,
    readonly line?: number,
    readonly column?: number,
  ) {
    super(message);
    this.name = 'LocatedError';
  }
}

interface BabelError {
  message: string;
  loc?: { line: number; column: number };
}

function toLocatedError(error: unknown, what: string): LocatedError {
  const e = error as BabelError;
  const message = String(e.message ?? error).replace(/ \(\d+:\d+\)$/, '');
  return new LocatedError(`${what}: ${message}`, e.loc?.line, e.loc ? e.loc.column + 1 : undefined);
}

export function parseOrThrow(j: typeof jscodeshift, text: string, what: string): Collection {
  try {
    const root = j(text);
    registerParsedSource(root, text);
    return root;
  } catch (error) {
    throw toLocatedError(error, what);
  }
}

/**
 * The output gate: printed code must parse with the file's parser. Babel alone is enough to tell, without
 * recast's shadow copy of the tree, which costs as much again.
 */
export function checkParses(file: string, text: string, what: string): void {
  try {
    parseWithoutTokens(getParserName(file), text);
  } catch (error) {
    throw toLocatedError(error, what);
  }
}

export function printRoot(root: Collection, text: string): string {
  return root.toSource({ lineTerminator: '\n', quote: detectQuote(text) });
}

/**
 * Prints a tree a transform changed. recast prints a reused directive with its own `;` plus another
 * once the Program is reprinted (`'use strict';;`), whichever transform changed the top level, so the
 * directives become equivalent string statements first; and it runs a `#!` line into the first
 * statement, which keepInterpreterLine undoes.
 *
 * Regions the transform did not touch come out as written because nothing writes into untouched nodes:
 * jscodeshift's visitor wrote default values into every node it walked, which made recast reprint them
 * (`return (a && b)` lost its layout); `find` now runs on tree-walk.ts, which writes nothing.
 */
export function printChanged(j: typeof jscodeshift, root: Collection, original: string): string {
  keepDirectivesPrintable(j, root);
  return keepInterpreterLine(original, printRoot(root, original));
}

export function transformFile(input: TransformFileInput): TransformFileOutput {
  const output: TransformFileOutput = {
    text: input.text,
    changedBy: [],
    parsed: false,
    diagnostics: [],
    newlyAsync: [],
    dependencies: [],
  };
  const candidates = input.transforms.filter((t) => t.prefilter(input.text, input.options));
  if (candidates.length === 0) return output;
  const j = jscodeshift.withParser(getParser(getParserName(input.file)));
  const root = parseOrThrow(j, input.text, 'cannot parse');
  output.parsed = true;
  const isModule = isModuleSource(j, root, input.file);
  for (const transform of candidates) {
    const { context, collected } = createTransformContext({
      j,
      root,
      file: input.file,
      transformName: transform.meta.name,
      isModule,
      isTypeScript: isTypeScriptFile(input.file),
      nodeEngines: input.nodeEngines,
      options: input.options,
      skipped: input.skipped,
    });
    if (transform.apply(root, context)) output.changedBy.push(transform.meta.name);
    output.diagnostics.push(...collected.diagnostics);
    output.newlyAsync.push(...collected.newlyAsync);
    output.dependencies.push(...collected.dependencies);
  }
  if (output.changedBy.length === 0) return output;
  const printed = printChanged(j, root, input.text);
  if (printed === input.text) {
    output.changedBy = [];
    return output;
  }
  checkParses(input.file, printed, `transform produced invalid code (${output.changedBy.join(', ')})`);
  output.text = printed;
  return output;
}
