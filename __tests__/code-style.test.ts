/** Reading a file's style, and writing a snippet in it. */
import { detectCodeStyle, matchCodeStyle, restoreFunctionSpacing } from '../source/code-style';

describe('detectCodeStyle', () => {
  it('reads single quotes, semicolons and two spaces', () => {
    const text = "const a = require('a');\nfunction f() {\n  if (a) {\n    return a('x');\n  }\n}\n";
    expect(detectCodeStyle(text)).toEqual({ quote: 'single', semicolons: true, indent: '  ' });
  });

  it('reads standard style: no semicolons', () => {
    const text = "const a = require('a')\nfunction f () {\n  return a('x')\n}\nf()\n";
    expect(detectCodeStyle(text).semicolons).toBe(false);
  });

  it('reads double quotes, tabs and four spaces', () => {
    expect(detectCodeStyle('const a = "a";\nif (a) {\n\tb("c");\n\tif (b) {\n\t\tc();\n\t}\n}\n')).toEqual({
      quote: 'double',
      semicolons: true,
      indent: '\t',
    });
    expect(detectCodeStyle('if (a) {\n    b();\n    if (c) {\n        d();\n    }\n}\n').indent).toBe('    ');
  });

  it('does not count comment lines as statements without semicolons', () => {
    expect(detectCodeStyle('// one\n// two\n// three\nconst a = 1;\n').semicolons).toBe(true);
  });
});

describe('matchCodeStyle', () => {
  const snippet = "function f(x) {\n  if (x) {\n    return g('a');\n  }\n  // it's fine\n  return null;\n}";

  it('leaves a snippet in the standard style as it is', () => {
    expect(matchCodeStyle(snippet, { quote: 'single', semicolons: true, indent: '  ' })).toBe(snippet);
  });

  it('rewrites quotes, semicolons and indentation, leaving comments alone', () => {
    expect(matchCodeStyle(snippet, { quote: 'double', semicolons: false, indent: '\t' })).toBe(
      'function f(x) {\n\tif (x) {\n\t\treturn g("a")\n\t}\n\t// it\'s fine\n\treturn null\n}',
    );
  });
});

describe('restoreFunctionSpacing', () => {
  it('gives the lines recast printed the space the file writes before a function paren', () => {
    const original = "var a = co.wrap(function* (x) {\n  return x;\n});\nfunction named (y) {}\nvar s = 'function(';\n";
    const printed = "var a = async function(x) {\n  return x;\n};\nasync function named(y) {}\nvar s = 'function(';\n";
    expect(restoreFunctionSpacing(original, printed)).toBe(
      "var a = async function (x) {\n  return x;\n};\nasync function named (y) {}\nvar s = 'function(';\n",
    );
  });

  it('reads `function (` as spaced beside `function* (`, and named functions apart (idoit: 0 → 6 lint errors)', () => {
    const original =
      'A.prototype.options = function (opts) {};\nA.prototype.run = Promise.coroutine(function* () {});\n' +
      'function TaskTemplate(queue) {}\n';
    const printed =
      'A.prototype.options = function (opts) {};\nA.prototype.run = async function() {};\nfunction TaskTemplate(queue) {}\n' +
      'async function helper(x) {}\n';
    expect(restoreFunctionSpacing(original, printed)).toBe(
      'A.prototype.options = function (opts) {};\nA.prototype.run = async function () {};\n' +
        'function TaskTemplate(queue) {}\nasync function helper(x) {}\n',
    );
  });

  it('leaves a file that writes function( as recast prints it', () => {
    const original = 'var a = co.wrap(function*(x) {\n  return x;\n});\nfunction named(y) {}\n';
    const printed = 'var a = async function(x) {\n  return x;\n};\nasync function named(y) {}\n';
    expect(restoreFunctionSpacing(original, printed)).toBe(printed);
  });
});
