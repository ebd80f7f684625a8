/**
 * The type check after planning: a TypeScript project's changed files are checked with its own
 * tsconfig and installed types, before and after; a function whose conversion gives a new type
 * error is backed out (its chain with it) and reported with tsc's message, the others stay
 * converted; --no-verify keeps everything. Checked with the real compiler on the written output.
 */
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../engine/run';
import type { RunResult } from '../engine/types';
import { selectTransforms } from '../transforms/registry';
import { createProgram, findCompilerErrors } from './support/propagate-checks';

const api = `import request from 'sync-request';

export function getText(url: string): string {
  const { body } = request('GET', url);
  return body as string;
}

export function getStatus(url: string): number {
  return request('GET', url).statusCode;
}
`;
const main = `import { getStatus, getText } from './api';

export async function main(url: string): Promise<string> {
  return \`\${getStatus(url)} \${getText(url)}\`;
}
`;
const tsconfig = '{ "compilerOptions": { "strict": true, "module": "commonjs", "esModuleInterop": true } }\n';

let dir = '';

async function migrate(verify: boolean): Promise<RunResult> {
  const selected = selectTransforms(['sync-http-to-undici', 'propagate-async']);
  return run({ paths: ['.'], cwd: dir, ...selected, options: { verify } });
}

function textOf(result: RunResult, path: string): string {
  const file = result.files.find((f) => f.path === path);
  return (file?.after ?? file?.before ?? Buffer.from('')).toString('utf8');
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'awaitify-verify-'));
  symlinkSync(join(__dirname, '..', 'node_modules'), join(dir, 'node_modules'), 'dir');
  writeFileSync(join(dir, 'tsconfig.json'), tsconfig);
  writeFileSync(join(dir, 'api.ts'), api);
  writeFileSync(join(dir, 'main.ts'), main);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('the project compiles as written', () => {
  expect(findCompilerErrors(createProgram([join(dir, 'api.ts'), join(dir, 'main.ts')]))).toEqual([]);
});

it('backs out the function whose conversion would not compile, says why, and keeps the others', async () => {
  const result = await migrate(true);
  const regressions = result.diagnostics.filter((d) => d.code === 'TYPE_CHECK_REGRESSION');
  expect(regressions).toHaveLength(1);
  expect(regressions[0]).toMatchObject({ file: 'api.ts', line: 4, severity: 'warning' });
  expect(regressions[0]?.message).toContain('TS2352');
  const migrated = textOf(result, 'api.ts');
  expect(migrated).toContain("  const { body } = request('GET', url);\n  return body as string;");
  expect(migrated).toContain('export async function getStatus(url: string): Promise<number>');
  expect(textOf(result, 'main.ts')).toContain('${await getStatus(url)} ${getText(url)}');
  // what it proposes compiles
  const out = mkdtempSync(join(tmpdir(), 'awaitify-verify-out-'));
  try {
    symlinkSync(join(__dirname, '..', 'node_modules'), join(out, 'node_modules'), 'dir');
    writeFileSync(join(out, 'api.ts'), migrated);
    writeFileSync(join(out, 'main.ts'), textOf(result, 'main.ts'));
    expect(findCompilerErrors(createProgram([join(out, 'api.ts'), join(out, 'main.ts')]))).toEqual([]);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});

it('--no-verify keeps the conversion that does not compile', async () => {
  const result = await migrate(false);
  expect(result.diagnostics.filter((d) => d.code === 'TYPE_CHECK_REGRESSION')).toEqual([]);
  expect(textOf(result, 'api.ts')).toContain('export async function getText(url: string): Promise<string>');
});

it('backs out a conversion whose caller in an unchanged file would stop compiling, and points at that caller', async () => {
  const caller = join(dir, 'report.ts');
  writeFileSync(
    caller,
    "import * as api from './api';\n\nconst name = 'getStatus' as const;\n\n" +
      'export function report(url: string): string {\n  const status: number = api[name](url);\n  return `${status}`;\n}\n',
  );
  try {
    expect(findCompilerErrors(createProgram([join(dir, 'api.ts'), caller]))).toEqual([]);
    const result = await migrate(true);
    const regressions = result.diagnostics.filter((d) => d.code === 'TYPE_CHECK_REGRESSION');
    expect(regressions.map((d) => [d.file, d.line, d.column])).toContainEqual(['report.ts', 6, 9]);
    expect(regressions.find((d) => d.file === 'report.ts')?.message).toContain('TS2322');
    expect(textOf(result, 'api.ts')).toContain('export function getStatus(url: string): number {');
  } finally {
    rmSync(caller);
  }
});
