import { findNestingReason, MAX_NESTING, measureNesting } from '../source/nesting';
import { findUnreadableReason } from '../source/source-text';

const nested = (depth: number, separator = ''): string =>
  `const x = ${`[${separator}`.repeat(depth)}1${`]${separator}`.repeat(depth)};\n`;

describe('measureNesting', () => {
  test('counts (), [] and {} together', () => {
    expect(measureNesting('f(a, [b, { c: (d) }]);')).toBe(4);
    expect(measureNesting('a; b;')).toBe(0);
  });

  test('brackets in strings, template literals and comments do not count', () => {
    const text = [
      `const a = "${'('.repeat(50)}";`,
      `const b = '${'['.repeat(50)}\\'';`,
      `const c = \`${'{'.repeat(50)}\n${'('.repeat(50)}\`;`,
      `// ${'['.repeat(50)}`,
      `/* ${'{'.repeat(50)} */ f(g());`,
    ].join('\n');
    expect(measureNesting(text)).toBe(2);
  });

  test('an unclosed string ends at its line, an unclosed comment at the end of the text', () => {
    expect(measureNesting(`const a = "((((\nf(g(h()));`)).toBe(3);
    expect(measureNesting('f(); /* ((((')).toBe(1);
  });
});

describe('files nested deeper than the parsers recurse', () => {
  test(`over ${MAX_NESTING} levels the reason says how deep, one line or many`, () => {
    const deep = MAX_NESTING + 100;
    const reason = `nested ${deep} levels deep (brackets); awaitify reads up to ${MAX_NESTING} levels`;
    expect(findNestingReason(nested(deep, '\n'))).toBe(reason);
    // one long line is not called minified when nesting is why it is long
    expect(findUnreadableReason(nested(deep))).toBe(reason);
  });

  test(`${MAX_NESTING} levels are read; minified code is still minified`, () => {
    expect(findNestingReason(nested(MAX_NESTING, '\n'))).toBeNull();
    expect(findUnreadableReason(nested(MAX_NESTING, '\n'))).toBeNull();
    expect(findUnreadableReason(`a();${'b();'.repeat(1000)}`)).toBe('minified code');
  });
});
