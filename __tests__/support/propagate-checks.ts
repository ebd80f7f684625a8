/**
 * Checks on a migrated TypeScript project: the real compiler (typescript 5.9) and typescript-eslint's
 * promise rules, type-aware, on the files as they are after propagation.
 */
import { join } from 'node:path';
import { ESLint } from 'eslint';
import ts from 'typescript';
import tseslint from 'typescript-eslint';

const compilerOptions: ts.CompilerOptions = {
  strict: true,
  noEmit: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.CommonJS,
  moduleResolution: ts.ModuleResolutionKind.Node10,
  esModuleInterop: true,
  skipLibCheck: true,
  lib: ['lib.es2022.d.ts'],
  types: ['node', 'jest'],
  typeRoots: [join(__dirname, '..', '..', 'node_modules', '@types')],
};

/** Parsed declaration files of node_modules (the standard library, @types), shared by every program of the suite. */
const declarationCache = new Map<string, ts.SourceFile>();

function createCachingHost(): ts.CompilerHost {
  const host = ts.createCompilerHost(compilerOptions);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, languageVersion, ...rest) => {
    if (!fileName.includes('/node_modules/')) return getSourceFile(fileName, languageVersion, ...rest);
    const known = declarationCache.get(fileName);
    if (known) return known;
    const file = getSourceFile(fileName, languageVersion, ...rest);
    if (file) declarationCache.set(fileName, file);
    return file;
  };
  return host;
}

/** A program over `files` (absolute paths on disk). */
export function createProgram(files: string[]): ts.Program {
  return ts.createProgram(files, compilerOptions, createCachingHost());
}

export function findCompilerErrors(program: ts.Program): string[] {
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const where = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start) : null;
    const file = d.file ? `${d.file.fileName}:${(where?.line ?? 0) + 1}` : '';
    return `${file} ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
  });
}

/** no-floating-promises, no-misused-promises, await-thenable over `files`, with the same program. */
export async function findPromiseLintErrors(cwd: string, files: string[], program: ts.Program): Promise<string[]> {
  const eslint = new ESLint({
    cwd,
    overrideConfigFile: true,
    overrideConfig: [
      {
        files: ['**/*.ts'],
        languageOptions: { parser: tseslint.parser, parserOptions: { programs: [program] } },
        plugins: { '@typescript-eslint': tseslint.plugin },
        rules: {
          '@typescript-eslint/no-floating-promises': 'error',
          '@typescript-eslint/no-misused-promises': 'error',
          '@typescript-eslint/await-thenable': 'error',
        },
      },
    ],
  });
  const results = await eslint.lintFiles(files);
  return results.flatMap((r) => r.messages.map((m) => `${r.filePath}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`));
}

/** TypeScript → CommonJS JavaScript, to run a fixture project with node. */
export function transpileToCommonJs(text: string, fileName: string): string {
  return ts.transpileModule(text, {
    fileName,
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
  }).outputText;
}
