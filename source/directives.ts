/**
 * Works around a recast printing bug: when a Program is reprinted (several statements added at its top
 * level), recast prints a reused directive with its own `;` and then adds another one, giving
 * `'use strict';;` and losing the blank line after it. Turning the directives into the equivalent
 * leading string statements (same source positions, same quotes) prints them exactly as they were.
 */
import type { Collection, JSCodeshift } from 'jscodeshift';

interface ProgramWithDirectives {
  directives?: {
    value: { value: string; extra?: { raw?: string } };
    loc?: unknown;
    comments?: unknown;
    leadingComments?: unknown;
    trailingComments?: unknown;
  }[];
  body: unknown[];
}

export function keepDirectivesPrintable(j: JSCodeshift, root: Collection): void {
  const program = root.get().node.program as ProgramWithDirectives;
  const directives = program.directives ?? [];
  if (directives.length === 0) return;
  const statements = directives.map((directive) => {
    // an ESTree Literal, which recast prints from its raw text: "use strict" keeps its own quotes
    const literal = j.literal(directive.value.value);
    const raw = directive.value.extra?.raw;
    if (raw) Object.assign(literal, { extra: { raw, rawValue: directive.value.value } });
    const statement = j.expressionStatement(literal);
    // `directive` (the ESTree field) keeps import insertion after it (modules.getImportInsertIndex)
    Object.assign(statement, { loc: directive.loc, directive: directive.value.value });
    // a file's header comment is attached to its first directive: it must move along
    for (const key of ['comments', 'leadingComments', 'trailingComments'] as const) {
      if (directive[key]) Object.assign(statement, { [key]: directive[key] });
    }
    return statement;
  });
  program.directives = [];
  program.body.unshift(...statements);
}

/**
 * recast prints a Program it reprints whole with the `#!` interpreter line and the first statement run
 * together (`#!/usr/bin/env nodeconst a = …`), which still parses, as one long comment, and the blank
 * lines after it go when the first statement is removed. The original line, and the line breaks after
 * it, come back here.
 */
export function keepInterpreterLine(original: string, printed: string): string {
  const interpreter = /^#![^\n]*(\n*)/.exec(original);
  if (!interpreter) return printed;
  const line = interpreter[0].slice(0, interpreter[0].length - interpreter[1].length);
  if (printed === line || !printed.startsWith(line)) return printed;
  const rest = printed.slice(line.length).replace(/^\n*/, '');
  return `${line}${interpreter[1] || '\n'}${rest}`;
}
