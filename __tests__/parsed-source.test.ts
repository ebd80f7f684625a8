/**
 * The one position model: offsets of parsed nodes point at the node's own characters in the file's text,
 * whatever leading whitespace recast re-rendered before Babel saw it (tabs, form feeds, no-break spaces),
 * and lines and columns count a tab as one column.
 */
import type { ASTPath } from 'jscodeshift';
import { findNodes } from '../source/tree-walk';
import { parseFile } from '../source/edit-source';
import { LineIndex } from '../core/positions';

/** Every identifier's offsets, checked against the text they must name. */
function findMisplacedIdentifiers(text: string): string[] {
  const { j, root, source } = parseFile('test.js', text);
  const wrong: string[] = [];
  findNodes(root, j.Identifier).forEach((path: ASTPath<{ name: string }>) => {
    const offsets = source.getOffsets(path.node);
    const found = offsets ? text.slice(offsets.start, offsets.end) : null;
    if (found !== path.node.name) wrong.push(`${path.node.name} read as ${JSON.stringify(found)}`);
  });
  return wrong;
}

describe('ParsedSource', () => {
  it('maps offsets under tab indentation back to the file text', () => {
    const text = 'function outer(a) {\n\tif (a) {\n\t\treturn inner(a);\n\t}\n\t  return  other(a);\n}\n';
    expect(findMisplacedIdentifiers(text)).toEqual([]);
  });

  it('maps offsets under every kind of leading whitespace recast re-renders', () => {
    const indents = ['\t', ' \t', '\t ', '\u00a0', '\f', '\v', '\t\t\t', '', '    '];
    const lines = indents.map((indent, i) => `${indent}const v${i} = f${i}(x${i});`);
    // blank lines made only of whitespace, and a tab inside a line (recast keeps those as they are)
    const text = `${lines.join('\n')}\n\t\t\n\t \nconst\tlast =\tg(\ty);\n`;
    expect(findMisplacedIdentifiers(text)).toEqual([]);
  });

  it('maps offsets across CRLF, lone CR and Unicode line separators', () => {
    const text = 'const a = f(x);\r\n\tconst b = g(y);\r\tconst c = h(z);\u2028\tconst d = k(w);\n';
    expect(findMisplacedIdentifiers(text)).toEqual([]);
  });

  it('gives 1-based columns that count a tab as one', () => {
    const { j, root, source } = parseFile('test.js', 'function f() {\n\tconst user = getJson(1);\n}\n');
    const call = findNodes(root, j.CallExpression).paths()[0];
    expect(source.locate(call.node)).toEqual({ line: 2, column: 15 });
  });
});

describe('LineIndex', () => {
  it('locates offsets on every line, the first and last included', () => {
    const lines = new LineIndex('ab\n\tc\n\nd');
    expect([0, 1, 3, 4, 6, 7].map((offset) => lines.locate(offset))).toEqual([
      { line: 1, column: 1 },
      { line: 1, column: 2 },
      { line: 2, column: 1 },
      { line: 2, column: 2 },
      { line: 3, column: 1 },
      { line: 4, column: 1 },
    ]);
  });
});
