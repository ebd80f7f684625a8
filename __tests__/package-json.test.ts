import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { editPackageJsonDependencies, findNearestPackageJson, readNodeEngines } from '../engine/package-json';

const addUndici = { add: [{ name: 'undici', range: '^7.0.0' }], remove: [] };

describe('editPackageJsonDependencies', () => {
  it.each([
    [
      'keeps a sorted block sorted',
      '{\n  "name": "x",\n  "dependencies": {\n    "co": "^4.6.0",\n    "yargs": "^17.0.0"\n  }\n}\n',
      addUndici,
      '{\n  "name": "x",\n  "dependencies": {\n    "co": "^4.6.0",\n    "undici": "^7.0.0",\n    "yargs": "^17.0.0"\n  }\n}\n',
    ],
    [
      'inserts first in a sorted block',
      '{\n  "dependencies": {\n    "yargs": "^17.0.0"\n  }\n}',
      addUndici,
      '{\n  "dependencies": {\n    "undici": "^7.0.0",\n    "yargs": "^17.0.0"\n  }\n}',
    ],
    [
      'appends to an unsorted block',
      '{\n  "dependencies": {\n    "zod": "1",\n    "co": "4"\n  }\n}\n',
      addUndici,
      '{\n  "dependencies": {\n    "zod": "1",\n    "co": "4",\n    "undici": "^7.0.0"\n  }\n}\n',
    ],
    [
      'creates the block before devDependencies, tab indent',
      '{\n\t"name": "x",\n\t"devDependencies": {\n\t\t"jest": "30"\n\t}\n}\n',
      addUndici,
      '{\n\t"name": "x",\n\t"dependencies": {\n\t\t"undici": "^7.0.0"\n\t},\n\t"devDependencies": {\n\t\t"jest": "30"\n\t}\n}\n',
    ],
    [
      'creates the block at the end, CRLF, no final newline',
      '{\r\n    "name": "x",\r\n    "version": "1.0.0"\r\n}',
      addUndici,
      '{\r\n    "name": "x",\r\n    "version": "1.0.0",\r\n    "dependencies": {\r\n        "undici": "^7.0.0"\r\n    }\r\n}',
    ],
    [
      'fills an empty block',
      '{\n  "dependencies": {}\n}\n',
      addUndici,
      '{\n  "dependencies": {\n    "undici": "^7.0.0"\n  }\n}\n',
    ],
    ['fills an empty file object', '{}\n', addUndici, '{\n  "dependencies": {\n    "undici": "^7.0.0"\n  }\n}\n'],
    [
      'keeps a one-line file on one line',
      '{"name":"x","dependencies":{"co":"4"}}',
      addUndici,
      '{"name":"x","dependencies":{"co":"4","undici":"^7.0.0"}}',
    ],
    [
      'removes from the middle and the end of blocks, all four kinds',
      '{\n  "dependencies": {\n    "a": "1",\n    "sync-request": "6",\n    "z": "1"\n  },\n  "devDependencies": {\n    "jest": "30",\n    "sync-request": "6"\n  },\n  "peerDependencies": {\n    "sync-request": "6"\n  }\n}\n',
      { add: [], remove: ['sync-request'] },
      '{\n  "dependencies": {\n    "a": "1",\n    "z": "1"\n  },\n  "devDependencies": {\n    "jest": "30"\n  },\n  "peerDependencies": {}\n}\n',
    ],
    [
      'removes the first entry and adds in one edit',
      '{\n  "dependencies": {\n    "deasync": "0.1",\n    "express": "4"\n  }\n}\n',
      { add: [{ name: 'undici', range: '^7.0.0' }], remove: ['deasync'] },
      '{\n  "dependencies": {\n    "express": "4",\n    "undici": "^7.0.0"\n  }\n}\n',
    ],
  ])('%s', (_name, input, change, expected) => {
    expect(editPackageJsonDependencies(input, change)).toBe(expected);
  });

  it('returns the same string when the package is already a devDependency', () => {
    const input = '{\n  "devDependencies": { "undici": "^6.0.0" }\n}\n';
    expect(editPackageJsonDependencies(input, addUndici)).toBe(input);
  });

  it('returns the same string when there is nothing to remove', () => {
    const input = '{ "dependencies": { "a": "1" } }';
    expect(editPackageJsonDependencies(input, { add: [], remove: ['b'] })).toBe(input);
  });

  it('ignores braces and quotes inside strings and nested values', () => {
    const input =
      '{\n  "scripts": { "x": "echo \\"}\\" {" },\n  "files": ["a", {"b": [1]}],\n  "dependencies": {\n    "a": "1"\n  }\n}\n';
    const output = editPackageJsonDependencies(input, addUndici);
    expect(JSON.parse(output)).toEqual({ ...JSON.parse(input), dependencies: { a: '1', undici: '^7.0.0' } });
    expect(output.startsWith(input.slice(0, input.indexOf('"dependencies"')))).toBe(true);
  });

  it('throws on text that is not a JSON object', () => {
    expect(() => editPackageJsonDependencies('[1]', addUndici)).toThrow(SyntaxError);
  });
});

describe('readNodeEngines', () => {
  it('reads engines.node', () => expect(readNodeEngines('{"engines":{"node":">=20.19"}}')).toBe('>=20.19'));
  it('answers null without engines or for invalid JSON', () => {
    expect(readNodeEngines('{"name":"x"}')).toBeNull();
    expect(readNodeEngines('{"engines":{"node":20}}')).toBeNull();
    expect(readNodeEngines('{oops')).toBeNull();
  });
});

describe('findNearestPackageJson', () => {
  const root = mkdtempSync(path.join(os.tmpdir(), 'awaitify-pkg-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('finds the closest one and stops at stopDir', () => {
    mkdirSync(path.join(root, 'repo/packages/a/src'), { recursive: true });
    writeFileSync(path.join(root, 'package.json'), '{}');
    writeFileSync(path.join(root, 'repo/package.json'), '{}');
    writeFileSync(path.join(root, 'repo/packages/a/package.json'), '{}');
    const repo = path.join(root, 'repo');
    expect(findNearestPackageJson(path.join(repo, 'packages/a/src/x.js'), repo)).toBe(
      path.join(repo, 'packages/a/package.json'),
    );
    expect(findNearestPackageJson(path.join(repo, 'packages/x.js'), repo)).toBe(path.join(repo, 'package.json'));
    expect(findNearestPackageJson(path.join(repo, 'packages/x.js'), path.join(repo, 'packages'))).toBeNull();
  });
});
