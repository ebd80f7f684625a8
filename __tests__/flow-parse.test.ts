/**
 * Flow-annotated JavaScript parses (issue 17, point 8): jest's own e2e/global-setup/setup.js failed
 * with a bare parse error and turned the whole run's exit code to 2. jscodeshift's default parser reads
 * Flow; awaitify reads it for a file with an @flow pragma, and for a .js file that only Flow can parse.
 */
import { getParser, parseWithoutTokens } from '../source/parsers';
import { registry } from '../transforms/registry';
import { runCliInProcess } from './support/cli-harness';
import { makeTempFolder, writeTree } from './support/git-repo';

const withPragma = `/**
 * @flow
 */
import type { Config } from './types';
const request = require('sync-request');

export function load(url: string, config: Config): ?string {
  return request('GET', url).getBody('utf8');
}
`;

// no pragma: type annotations and a type alias that plain JavaScript cannot parse
const withoutPragma = `type Options = {| retries: number |};
module.exports = async function setup(globalConfig: Object, options?: Options): Promise<void> {
  await Promise.resolve(globalConfig);
};
`;

describe('Flow in .js files', () => {
  test.each([
    ['with an @flow pragma', withPragma],
    ['without a pragma', withoutPragma],
  ])('a file %s parses, for editing and for the output check', (_, source) => {
    expect(() => getParser('babel').parse(source)).not.toThrow();
    expect(() => parseWithoutTokens('babel', source)).not.toThrow();
  });

  test('plain JavaScript whose meaning differs under Flow keeps its JavaScript meaning without a pragma', () => {
    // f<T>(x) is a comparison in JavaScript and a call with a type argument in Flow
    const program = getParser('babel').parse('f < T > (x);\n') as unknown as {
      program: { body: { expression: { type: string } }[] };
    };
    expect(program.program.body[0].expression.type).toBe('BinaryExpression');
  });

  test('a real syntax error still fails with the plain parser’s message', () => {
    expect(() => getParser('babel').parse('const = ;\n')).toThrow(/Unexpected token/);
  });

  test('a run over Flow files migrates them, with their annotations, and exits 0', async () => {
    const dir = makeTempFolder('flow');
    writeTree(dir, { 'src/load.js': withPragma, 'e2e/setup.js': withoutPragma });
    const run = await runCliInProcess(['--allow-no-git'], { cwd: dir, overrides: { registry } });
    expect(run.stderr).not.toContain('failed:');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('+export async function load(url: string, config: Config)');
  });
});
