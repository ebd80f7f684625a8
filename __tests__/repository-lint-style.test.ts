/**
 * New code in the repository's own style, checked with the real ESLint and idoit's own rules
 * (func-style: declaration; space-before-function-paren: anonymous always, named never): a file that
 * lints clean before the migration lints clean after it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Linter } from 'eslint';

const fixtures = join(__dirname, '..', '__testfixtures__');
const idoitRules: Linter.RulesRecord = {
  'func-style': ['error', 'declaration'],
  'space-before-function-paren': ['error', { anonymous: 'always', named: 'never' }],
};

function lint(file: string): string[] {
  const linter = new Linter({ configType: 'flat' });
  const config: Linter.Config = { languageOptions: { ecmaVersion: 2022, sourceType: 'commonjs' }, rules: idoitRules };
  return linter
    .verify(readFileSync(join(fixtures, file), 'utf8'), config)
    .map((m) => `${file}:${m.line}:${m.column} ${m.ruleId ?? ''} ${m.message}`);
}

it.each([
  'unwrap-runners/bluebird-const-coroutine-declared-like-the-file',
  'propagate-async/commonjs-prototypes-and-boundaries/*/lib/client',
])('%s lints clean before and after under func-style and space-before-function-paren', (name) => {
  const [input, output] = name.includes('*')
    ? [name.replace('*', 'input'), name.replace('*', 'output')]
    : [`${name}.input`, `${name}.output`];
  expect(lint(`${input}.js`)).toEqual([]);
  expect(lint(`${output}.js`)).toEqual([]);
});
