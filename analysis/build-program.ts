/**
 * The TypeScript program the analysis reads, over an in-memory view of the run's current texts. Only
 * the files that can reach a starting point are roots; the compiler pulls in the visible files they
 * import, so their types resolve, and nothing else is parsed.
 *
 * The standard library's declaration files (lib.es2023.d.ts and the files it references) are parsed
 * once per process and shared by every program, as TypeScript's language service shares them: they
 * never change, and parsing them again is most of the cost of a small program.
 */
import { dirname } from 'node:path';
import { performance } from 'node:perf_hooks';
import { getLibFiles, libFolderInMemoryPath } from '@ts-morph/common';
import { ts } from 'ts-morph';

export interface AnalysisProgram {
  program: ts.Program;
  checker: ts.TypeChecker;
  /** Loaded source files of the run (lib and declaration files excluded). */
  files: ts.SourceFile[];
  ms: number;
}

const compilerOptions: ts.CompilerOptions = {
  allowJs: true,
  checkJs: false,
  noEmit: true,
  skipLibCheck: true,
  target: ts.ScriptTarget.ES2022,
  // `preserve` reads both `import` and `require`, and resolves `./a.js` to `a.ts` like bundlers do.
  module: ts.ModuleKind.Preserve,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  allowImportingTsExtensions: true,
  resolveJsonModule: false,
  jsx: ts.JsxEmit.Preserve,
  lib: ['lib.es2023.d.ts'],
  types: [],
  strict: true,
};

/** Where ts-morph puts the lib files of the TypeScript it bundles (they come with ts-morph, not from disk). */
export const libFolder = libFolderInMemoryPath;

let libTexts: Map<string, string> | null = null;
const libSourceFiles = new Map<string, ts.SourceFile>();

export function readLibFile(fileName: string): string | undefined {
  libTexts ??= new Map(getLibFiles().map((lib) => [`${libFolder}/${lib.fileName}`, lib.text]));
  return libTexts.get(fileName);
}

export function getLibSourceFile(fileName: string, languageVersion: ts.ScriptTarget): ts.SourceFile | undefined {
  const key = `${languageVersion}:${fileName}`;
  const known = libSourceFiles.get(key);
  if (known) return known;
  const text = readLibFile(fileName);
  if (text === undefined) return undefined;
  const file = ts.createSourceFile(fileName, text, languageVersion, true);
  libSourceFiles.set(key, file);
  return file;
}

/** A compiler host over `visible` (and the lib files), reading nothing from disk. */
function createHost(sources: ReadonlyMap<string, string>, visible: ReadonlySet<string>): ts.CompilerHost {
  const directories = new Set<string>([libFolder]);
  for (const file of visible) {
    for (let dir = dirname(file); !directories.has(dir); dir = dirname(dir)) directories.add(dir);
  }
  const readFile = (fileName: string) =>
    visible.has(fileName)
      ? sources.get(fileName)
      : fileName.startsWith(`${libFolder}/`)
        ? readLibFile(fileName)
        : undefined;
  return {
    getSourceFile(fileName, languageVersion) {
      if (fileName.startsWith(`${libFolder}/`)) return getLibSourceFile(fileName, languageVersionOf(languageVersion));
      const text = visible.has(fileName) ? sources.get(fileName) : undefined;
      return text === undefined ? undefined : ts.createSourceFile(fileName, text, languageVersion, true);
    },
    fileExists: (fileName) => readFile(fileName) !== undefined,
    readFile,
    directoryExists: (dir) => directories.has(dir),
    getDirectories: () => [],
    realpath: (path) => path,
    getDefaultLibFileName: (options) => `${libFolder}/${ts.getDefaultLibFileName(options)}`,
    getDefaultLibLocation: () => libFolder,
    getCurrentDirectory: () => '/',
    getCanonicalFileName: (fileName) => fileName,
    useCaseSensitiveFileNames: () => true,
    getNewLine: () => '\n',
    writeFile: () => undefined,
  };
}

/** `createSourceFile`'s language version argument may be an options object. */
export function languageVersionOf(version: ts.ScriptTarget | ts.CreateSourceFileOptions): ts.ScriptTarget {
  return typeof version === 'object' ? version.languageVersion : version;
}

/**
 * `visible` are the only files the compiler can see, so an import of any other file stays unresolved
 * instead of pulling its whole forward-import tree into the program.
 */
export function buildAnalysisProgram(
  sources: ReadonlyMap<string, string>,
  roots: Iterable<string>,
  visible: ReadonlySet<string>,
): AnalysisProgram {
  const started = performance.now();
  const program = ts.createProgram([...roots], compilerOptions, createHost(sources, visible));
  const checker = program.getTypeChecker();
  const files = program.getSourceFiles().filter((file) => sources.has(file.fileName) && !file.isDeclarationFile);
  return { program, checker, files, ms: performance.now() - started };
}
