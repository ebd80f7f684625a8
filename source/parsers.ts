/**
 * Parser choice by file extension, shared by the engine and the standalone jscodeshift entry points.
 * JavaScript uses Babel with JSX; TypeScript uses jscodeshift's own ts/tsx option sets.
 *
 * Flow, as jscodeshift's default parser reads it: a .js file with an `@flow` pragma in its leading
 * comments is parsed with Babel's flow plugin, and so is a file that plain JavaScript cannot parse but
 * Flow can (Flow-typed code without the pragma, like jest's e2e/global-setup/setup.js). A file that
 * parses as JavaScript keeps that parse: Flow reads `a < b > (c)` as a call with a type argument.
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

const flowOptions: babelParser.ParserOptions = {
  ...baseOptions,
  plugins: [...javascriptPlugins, ['flow', { all: false }]],
};

/** A `@flow` (or `@noflow`) pragma in the comments before the first statement. */
function hasFlowPragma(source: string): boolean {
  const leadingComments = /^(?:\s|\/\/[^\n]*|\/\*[\s\S]*?\*\/)*/.exec(source.slice(0, 8192))?.[0] ?? '';
  return /@(?:no)?flow\b/.test(leadingComments);
}

/** Babel on JavaScript: Flow for a file with the pragma, or when only Flow can read it. */
function parseJavaScript(source: string, options: babelParser.ParserOptions): ReturnType<typeof babelParser.parse> {
  const withFlow = { ...flowOptions, tokens: options.tokens };
  if (hasFlowPragma(source)) return babelParser.parse(source, withFlow);
  try {
    return babelParser.parse(source, options);
  } catch (error) {
    try {
      return babelParser.parse(source, withFlow);
    } catch {
      throw error;
    }
  }
}

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
  const options = { ...optionsByParser[name], tokens: false };
  if (name === 'babel') parseJavaScript(source, options);
  else babelParser.parse(source, options);
}

/** A jscodeshift-compatible parser object for `name`. */
export function getParser(name: ParserName): Parser {
  const options = optionsByParser[name];
  return {
    parse(source: string) {
      return name === 'babel' ? parseJavaScript(source, options) : babelParser.parse(source, options);
    },
  };
}
