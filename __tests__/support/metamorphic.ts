/**
 * Metamorphic variants of a fixture: the same program written differently, which must get the same
 * edits. The variant re-indents every line with tabs and puts a comment with an emoji (two UTF-16 code
 * units) above each function; the harness adds CRLF and a BOM at the byte level. Undoing the variant on
 * the output (removing the comment lines, comparing lines without their indentation) must give the
 * fixture's expected output, and the diagnostics must be the expected ones at the moved places.
 */
import { getParser, getParserName } from '../../source/parsers';

export const MARKER = '// 👀 metamorphic marker';

interface AstNode {
  type: string;
  start: number;
  end: number;
  [key: string]: unknown;
}

const functionTypes = new Set(['FunctionExpression', 'ArrowFunctionExpression']);
const declarationTypes = new Set([
  'FunctionDeclaration',
  'ClassMethod',
  'ClassPrivateMethod',
  'ObjectMethod',
  'TSDeclareFunction',
  'TSDeclareMethod',
]);

function isNode(value: unknown): value is AstNode {
  return typeof value === 'object' && value !== null && typeof (value as AstNode).type === 'string';
}

function forEachNode(node: AstNode, visit: (node: AstNode) => void): void {
  visit(node);
  for (const [key, value] of Object.entries(node)) {
    if (key === 'loc' || key === 'tokens' || key === 'comments' || key.endsWith('Comments')) continue;
    if (Array.isArray(value)) value.filter(isNode).forEach((child) => forEachNode(child, visit));
    else if (isNode(value)) forEachNode(value, visit);
  }
}

/** A statement or member whose own value is a function: `const f = () => …`, `exports.f = function …`. */
function holdsFunction(node: AstNode): boolean {
  if (declarationTypes.has(node.type)) return true;
  const child = (value: unknown) =>
    isNode(value) && (functionTypes.has(value.type) || declarationTypes.has(value.type));
  if (node.type === 'VariableDeclaration') {
    return (node.declarations as AstNode[]).some((d) => child(d.init));
  }
  if (node.type === 'ExpressionStatement') {
    const expression = node.expression as AstNode;
    return expression.type === 'AssignmentExpression' && child(expression.right);
  }
  if (node.type === 'ExportNamedDeclaration' || node.type === 'ExportDefaultDeclaration') {
    const declaration = node.declaration as AstNode | null;
    return declaration !== null && (child(declaration) || holdsFunction(declaration));
  }
  if (node.type === 'ClassProperty') return child(node.value);
  return false;
}

interface Layout {
  /** Offsets where a statement or member holding a function starts. */
  functionStarts: Set<number>;
  /** Offset ranges inside template literal chunks and strings, where a line's whitespace is content. */
  literalRanges: [number, number][];
}

function readLayout(text: string, file: string): Layout {
  const program = getParser(getParserName(file)).parse(text) as unknown as AstNode;
  const layout: Layout = { functionStarts: new Set(), literalRanges: [] };
  forEachNode(program, (node) => {
    if (node.type === 'TemplateElement' || node.type === 'StringLiteral' || node.type === 'JSXText') {
      layout.literalRanges.push([node.start, node.end]);
    }
    if (holdsFunction(node)) layout.functionStarts.add(node.start);
  });
  return layout;
}

/** The indentation unit of the file: the smallest indentation of an indented line (2 when none). */
function findIndentUnit(lines: string[]): number {
  const widths = lines.map((line) => /^ */.exec(line)?.[0].length ?? 0).filter((width) => width > 0);
  return widths.length > 0 ? Math.min(...widths) : 2;
}

export interface Variant {
  /** The disguised text (LF line endings, no BOM: the harness adds those to the bytes). */
  text: string;
  /** Lines of the original text before which a marker line was inserted (1-based, ascending). */
  markedLines: number[];
  /** Per original line: leading characters in the original and in the variant. */
  leads: { original: number; variant: number }[];
}

/** Tabs for indentation and an emoji comment above each function, leaving literal content alone. */
export function createVariant(text: string, file: string): Variant {
  const layout = readLayout(text, file);
  const lines = text.split('\n');
  const unit = findIndentUnit(lines);
  const variant: Variant = { text: '', markedLines: [], leads: [] };
  const out: string[] = [];
  let offset = 0;
  lines.forEach((line, index) => {
    const lineStart = offset;
    offset += line.length + 1;
    const inLiteral = layout.literalRanges.some(([start, end]) => lineStart > start && lineStart < end);
    const lead = /^ */.exec(line)?.[0].length ?? 0;
    const indent = inLiteral ? ' '.repeat(lead) : '\t'.repeat(Math.floor(lead / unit)) + ' '.repeat(lead % unit);
    if (!inLiteral && layout.functionStarts.has(lineStart + lead)) {
      out.push(`${indent}${MARKER}`);
      variant.markedLines.push(index + 1);
    }
    out.push(indent + line.slice(lead));
    variant.leads.push({ original: lead, variant: indent.length });
  });
  variant.text = out.join('\n');
  return variant;
}

/** The output with the marker lines removed and every line's indentation dropped. */
export function undoVariant(output: string): string {
  return withoutIndentation(
    output
      .split('\n')
      .filter((line) => line.trim() !== MARKER)
      .join('\n'),
  );
}

export function withoutIndentation(text: string): string {
  return text
    .split('\n')
    .map((line) => line.replace(/^[ \t]+/, ''))
    .join('\n');
}

/** Where an original line and column sit in the variant. */
export function moveToVariant(variant: Variant, line: number, column: number): { line: number; column: number } {
  const shift = variant.markedLines.filter((marked) => marked <= line).length;
  const lead = variant.leads[line - 1];
  const movedColumn = lead && column > lead.original ? column - lead.original + lead.variant : column;
  return { line: line + shift, column: movedColumn };
}
