/**
 * Works around a recast printing bug: when a Program is reprinted (several statements added at its top
 * level), recast prints a reused directive with its own `;` and then adds another one, giving
 * `'use strict';;` and losing the blank line after it. Turning the directives into the equivalent
 * leading string statements (same source positions) prints them exactly as they were.
 */
import type { Collection, JSCodeshift } from 'jscodeshift';

interface ProgramWithDirectives {
  directives?: {
    value: { value: string };
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
    const statement = j.expressionStatement(j.stringLiteral(directive.value.value));
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
 * together (`#!/usr/bin/env nodeconst a = …`), which still parses, as one long comment. The original
 * line, and the line break after it, come back here.
 */
export function keepInterpreterLine(original: string, printed: string): string {
  if (!original.startsWith('#!')) return printed;
  const end = original.indexOf('\n');
  const line = end === -1 ? original : original.slice(0, end);
  if (printed === line || printed.startsWith(`${line}\n`) || !printed.startsWith(line)) return printed;
  return `${line}\n${printed.slice(line.length)}`;
}
