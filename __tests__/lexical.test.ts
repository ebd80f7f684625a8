import { blankComments } from '../source/lexical';
import { refersToModule } from '../engine/dependencies';

describe('blankComments', () => {
  it.each([
    ['a(); // b()', 'a();       '],
    ['a(); /* b\n c */ d();', 'a();     \n      d();'],
    ["const u = 'http://x'; // y", "const u = 'http://x';     "],
    ['const t = `/* not a comment */`;', 'const t = `/* not a comment */`;'],
    ['x(); //', 'x();   '],
  ])('%j keeps code and strings, blanks comments', (text, expected) => {
    expect(blankComments(text)).toBe(expected);
    expect(blankComments(text)).toHaveLength(text.length);
  });
});

describe('refersToModule', () => {
  it('a load in a comment is not a use; a load in code is, a URL in a string does not hide it', () => {
    expect(refersToModule("// const request = require('sync-request');\nfetch();\n", 'sync-request')).toBe(false);
    expect(refersToModule("/* import x from 'co' */\n", 'co')).toBe(false);
    expect(refersToModule("const u = 'http://a'; const r = require('sync-request');\n", 'sync-request')).toBe(true);
    expect(refersToModule("import co from 'co';\n", 'co')).toBe(true);
  });
});
