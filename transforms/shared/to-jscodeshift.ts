/**
 * Turns an awaitify Transform into a standard jscodeshift module, so each transform also runs alone:
 * `npx jscodeshift -t transforms/unwrap-runners.ts src/`. The file is parsed with the parser its
 * extension calls for (whatever `--parser` says), and diagnostics go to jscodeshift's `api.report`.
 */
// jscodeshift's `find` on a walk that builds fewer paths and writes nothing into the tree
import '../../source/tree-walk';
import type { API, FileInfo, Options } from 'jscodeshift';
import { createTransformContext, isModuleSource } from './context';
import { keepDirectivesPrintable, keepInterpreterLine } from '../../source/directives';
import { detectQuote } from '../../source/code-style';
import { getParser, getParserName, isTypeScriptFile } from '../../source/parsers';
import { registerParsedSource } from '../../source/parsed-source';
import { defaultTransformOptions, type Transform, type TransformOptions } from './types';

function readRunners(options: Options): string[] {
  const value: unknown = options.runner ?? options.runners;
  if (Array.isArray(value)) return value.map(String);
  if (typeof value === 'string') return value.split(',').filter(Boolean);
  return [];
}

export function toJscodeshift(transform: Transform) {
  return function jscodeshiftTransform(file: FileInfo, api: API, options: Options): string | null {
    const transformOptions: TransformOptions = {
      ...defaultTransformOptions,
      runners: readRunners(options),
      markBoundaries: Boolean(options.markBoundaries ?? options['mark-boundaries']),
      parallelMap: Boolean(options.parallelMap ?? options['parallel-map']),
    };
    if (!transform.prefilter(file.source, transformOptions)) return null;
    const j = api.jscodeshift.withParser(getParser(getParserName(file.path)));
    const root = j(file.source);
    registerParsedSource(root, file.source);
    const { context, collected } = createTransformContext({
      j,
      root,
      file: file.path,
      transformName: transform.meta.name,
      isModule: isModuleSource(j, root, file.path),
      isTypeScript: isTypeScriptFile(file.path),
      nodeEngines: null,
      options: transformOptions,
    });
    const changed = transform.apply(root, context);
    for (const d of collected.diagnostics) {
      api.report(`${d.file}:${d.line}:${d.column} ${d.severity} ${d.code}: ${d.message}`);
    }
    if (!changed) return null;
    // the same print step as the engine's: recast would print a reused directive as `'use strict';;`
    // and run a `#!` line into the first statement
    keepDirectivesPrintable(j, root);
    return keepInterpreterLine(file.source, root.toSource({ quote: detectQuote(file.source) }));
  };
}
