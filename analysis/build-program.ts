/**
 * The TypeScript program the analysis reads: a ts-morph Project on an in-memory file system holding
 * the run's current texts. Only the files that can reach a starting point are roots; the compiler
 * pulls in the visible files they import, so their types resolve, and nothing else is parsed.
 */
import { performance } from 'node:perf_hooks';
import { Project, ts } from 'ts-morph';

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

/**
 * `visible` are the only files written to the in-memory file system, so an import of any other file
 * stays unresolved instead of pulling its whole forward-import tree into the program.
 */
export function buildAnalysisProgram(
  sources: ReadonlyMap<string, string>,
  roots: Iterable<string>,
  visible: ReadonlySet<string>,
): AnalysisProgram {
  const started = performance.now();
  const project = new Project({ useInMemoryFileSystem: true, compilerOptions });
  const fileSystem = project.getFileSystem();
  for (const path of visible) {
    const text = sources.get(path);
    if (text !== undefined) fileSystem.writeFileSync(path, text);
  }
  for (const root of roots) project.addSourceFileAtPath(root);
  const program = project.getProgram().compilerObject;
  const checker = program.getTypeChecker();
  const files = program.getSourceFiles().filter((file) => sources.has(file.fileName) && !file.isDeclarationFile);
  return { program, checker, files, ms: performance.now() - started };
}
