/**
 * The one parse → edit → print → verify pipeline. Every change to a file's text goes through here: the
 * per-file transforms, propagate-async's plan, the edits one file asks of another, and a transform run
 * alone under jscodeshift. Texts are LF-only without a BOM (source-text.ts restores the file's own).
 */
import jscodeshift, { type Collection, type JSCodeshift } from 'jscodeshift';
import { LocatedError } from '../core/errors';
import { detectQuote, restoreFunctionSpacing } from './code-style';
import { keepDirectivesPrintable, keepInterpreterLine } from './directives';
import { registerParsedSource, type ParsedSource } from './parsed-source';
import { getParser, getParserName, parseWithoutTokens } from './parsers';

export interface ParsedFile {
  /** The path as the run knows it: it picks the parser and names the file in errors. */
  file: string;
  j: JSCodeshift;
  root: Collection;
  source: ParsedSource;
}

interface BabelError {
  message: string;
  loc?: { line: number; column: number };
}

/** Babel's error with its location, `what` saying what failed (`cannot parse`). */
function toLocatedError(error: unknown, what: string): LocatedError {
  const e = error as BabelError;
  const message = String(e.message ?? error).replace(/ \(\d+:\d+\)$/, '');
  return new LocatedError(`${what}: ${message}`, e.loc?.line, e.loc ? e.loc.column + 1 : undefined);
}

/**
 * The output gate: text must parse with the file's parser. Babel alone is enough to tell, without
 * recast's shadow copy of the tree, which costs as much again.
 */
export function verifyParses(file: string, text: string, what: string): void {
  try {
    parseWithoutTokens(getParserName(file), text);
  } catch (error) {
    throw toLocatedError(error, what);
  }
}

/** Parses `text` for editing; a syntax error throws a LocatedError at its place in `text`. */
export function parseFile(file: string, text: string): ParsedFile {
  const j = jscodeshift.withParser(getParser(getParserName(file)));
  let root: Collection;
  try {
    root = j(text);
  } catch {
    // recast handed Babel the text with leading tabs expanded: ask Babel again on the text itself
    verifyParses(file, text, 'cannot parse');
    throw new LocatedError('cannot parse: recast could not read the file although Babel can');
  }
  return { file, j, root, source: registerParsedSource(root, text) };
}

/**
 * Prints a tree a transform changed. recast prints a reused directive with its own `;` plus another
 * once the Program is reprinted (`'use strict';;`), whichever transform changed the top level, so the
 * directives become equivalent string statements first; and it runs a `#!` line into the first
 * statement, which keepInterpreterLine undoes.
 *
 * Regions the transform did not touch come out as written because nothing writes into untouched nodes:
 * jscodeshift's visitor wrote default values into every node it walked, which made recast reprint them
 * (`return (a && b)` lost its layout); `find` runs on tree-walk.ts, which writes nothing.
 */
export function printFile(parsed: ParsedFile): string {
  const original = parsed.source.text;
  keepDirectivesPrintable(parsed.j, parsed.root);
  const printed = parsed.root.toSource({ lineTerminator: '\n', quote: detectQuote(original) });
  return restoreFunctionSpacing(original, keepInterpreterLine(original, printed));
}

export interface EditOutcome {
  /** The new text, or the very string given when nothing changed. */
  text: string;
  changed: boolean;
}

/**
 * Parses `text`, lets `edit` change the tree (it returns whether it did), prints and checks that the
 * printed text parses. `describe` says what went wrong when the output does not parse
 * (`transform produced invalid code (unwrap-runners)`).
 */
export function editSource(
  file: string,
  text: string,
  edit: (parsed: ParsedFile) => boolean,
  describe: () => string,
): EditOutcome {
  const parsed = parseFile(file, text);
  if (!edit(parsed)) return { text, changed: false };
  const printed = printFile(parsed);
  if (printed === text) return { text, changed: false };
  verifyParses(file, printed, describe());
  return { text: printed, changed: true };
}
