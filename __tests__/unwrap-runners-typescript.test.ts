/**
 * The TypeScript that unwrap-runners writes must type-check: every `*.output.ts` fixture and every
 * TypeScript file of a folder case's output (a synckit caller with its worker) goes through the real
 * compiler (strict). Imports of modules the fixture does not ship (`./api`) are the only
 * errors allowed.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

const fixtureDir = join(__dirname, '..', '__testfixtures__', 'unwrap-runners');
const folderOutputs = readdirSync(fixtureDir)
  .filter((f) => existsSync(join(fixtureDir, f, 'output')))
  .flatMap((f) =>
    readdirSync(join(fixtureDir, f, 'output'), { recursive: true, encoding: 'utf8' }).map((file) =>
      join(f, 'output', file),
    ),
  );
const outputs = [
  ...readdirSync(fixtureDir).filter((f) => /\.output\.[cm]?tsx?$/.test(f)),
  ...folderOutputs.filter((f) => /\.[cm]?tsx?$/.test(f)),
];
const cannotFindModule = 2307;

it('has TypeScript outputs to check, folder cases included', () => {
  expect(outputs.length).toBeGreaterThan(0);
  expect(outputs.some((f) => f.includes('synckit-worker-typescript'))).toBe(true);
});

it('every output type-checks', () => {
  // one program for all outputs: creating a program per file costs seconds each
  const program = ts.createProgram(
    outputs.map((f) => join(fixtureDir, f)),
    {
      strict: true,
      noEmit: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Node10,
      types: ['node'],
      typeRoots: [join(__dirname, '..', 'node_modules', '@types')],
      skipLibCheck: true,
    },
  );
  const errors = ts
    .getPreEmitDiagnostics(program)
    .filter((d) => d.code !== cannotFindModule)
    .map((d) => `${d.file?.fileName ?? ''}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
  expect(errors).toEqual([]);
});
