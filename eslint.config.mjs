// ESLint for awaitify's own code: typescript-eslint with type information (floating and misused
// promises are the bugs this tool exists to remove), import hygiene, and the size limits of
// ../shared/STYLE.md. Layering (which folder may import which) is dependency-cruiser's job:
// .dependency-cruiser.cjs.
import tseslint from 'typescript-eslint';

const sources = ['core', 'source', 'analysis', 'transforms', 'engine', 'report', 'write', 'cli', 'bin'].map(
  (folder) => `${folder}/**/*.ts`,
);

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '__testfixtures__/**', 'examples/**', 'coverage/**', 'bench/results/**'] },
  {
    files: ['**/*.ts'],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/ban-ts-comment': [
        'error',
        { 'ts-expect-error': 'allow-with-description', 'ts-ignore': true, 'ts-nocheck': true },
      ],
      'no-duplicate-imports': 'off',
      '@typescript-eslint/no-import-type-side-effects': 'error',
      eqeqeq: ['error', 'always'],
      'no-restricted-syntax': [
        'error',
        {
          selector:
            "CallExpression[callee.property.name='find'][arguments.0.type='MemberExpression'][arguments.0.property.name=/^[A-Z]/]",
          message:
            "Use findNodes (source/tree-walk.ts): jscodeshift's find writes default values into the nodes it walks.",
        },
      ],
    },
  },
  {
    files: sources,
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      'max-len': ['error', { code: 120, ignoreUrls: true }],
      'max-lines': ['error', { max: 300 }],
      'max-lines-per-function': ['error', { max: 60, skipBlankLines: true, skipComments: true }],
      'max-depth': ['error', 4],
    },
  },
  {
    // jscodeshift's trees come through ast-types, whose NodePath#parent and Collection#get() are typed
    // `any`: the AST layers read node shapes through their own narrow interfaces instead.
    files: ['source/**/*.ts', 'transforms/**/*.ts', '__tests__/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
    },
  },
  {
    files: ['**/*.js', '**/*.cjs', '**/*.mjs'],
    extends: [tseslint.configs.disableTypeChecked],
  },
);
