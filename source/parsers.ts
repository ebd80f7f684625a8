/**
 * Parser choice by file extension, shared by the engine and the standalone jscodeshift entry points.
 * JavaScript uses Babel with JSX but without Flow (Flow's `all` mode reads `a < b > (c)` as a call with
 * type arguments); TypeScript uses jscodeshift's own ts/tsx option sets.
 */
import * as babelParser from '@babel/parser';
import type { Parser } from 'jscodeshift';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const tsOptions: babelParser.ParserOptions = require('jscodeshift/parser/tsOptions');

export type ParserName = 'babel' | 'ts' | 'tsx';

const javascriptPlugins: babelParser.ParserPlugin[] = [
  'jsx',
  'asyncGenerators',
  'bigInt',
  'classPrivateMethods',
  'classPrivateProperties',
  'classProperties',
  'classStaticBlock',
  ['decorators', { decoratorsBeforeExport: false }],
  'dynamicImport',
  'exportDefaultFrom',
  'exportNamespaceFrom',
  'importAttributes',
  'importMeta',
  'logicalAssignment',
  'nullishCoalescingOperator',
  'numericSeparator',
  'objectRestSpread',
  'optionalCatchBinding',
  'optionalChaining',
  'topLevelAwait',
];

const baseOptions: babelParser.ParserOptions = {
  sourceType: 'unambiguous',
  allowImportExportEverywhere: true,
  allowReturnOutsideFunction: true,
  startLine: 1,
  tokens: true,
};

const optionsByParser: Record<ParserName, babelParser.ParserOptions> = {
  babel: { ...baseOptions, plugins: javascriptPlugins },
  ts: { ...tsOptions, ...baseOptions, plugins: tsOptions.plugins },
  tsx: { ...tsOptions, ...baseOptions, plugins: [...(tsOptions.plugins ?? []), 'jsx'] },
};

const typeScriptExtensions = ['.ts', '.mts', '.cts'];

/** The parser for a path, by extension; `.d.ts` is never passed here (discovery skips it). */
export function getParserName(file: string): ParserName {
  const lower = file.toLowerCase();
  if (lower.endsWith('.tsx')) return 'tsx';
  if (typeScriptExtensions.some((ext) => lower.endsWith(ext))) return 'ts';
  return 'babel';
}

export function isTypeScriptFile(file: string): boolean {
  return getParserName(file) !== 'babel';
}

/** Whether `source` parses with `name`'s options; the output gate needs no tokens (recast does). */
export function parseWithoutTokens(name: ParserName, source: string): void {
  babelParser.parse(source, { ...optionsByParser[name], tokens: false });
}

/** A jscodeshift-compatible parser object for `name`. */
export function getParser(name: ParserName): Parser {
  const options = optionsByParser[name];
  return {
    parse(source: string) {
      return babelParser.parse(source, options);
    },
  };
}
