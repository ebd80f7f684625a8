/**
 * Whether a migration made TypeScript worse: the semantic diagnostics of the changed files, before and
 * after, with the project's own tsconfig.json and its installed types (@types/node, the packages'
 * declarations), the run's files read from memory. An error the original did not have is a
 * regression. Errors that only say a module or a declaration cannot be found are left out: the
 * migrated code imports undici, which the project installs only after the migration.
 */
import { dirname } from 'node:path';
import { ts } from 'ts-morph';
import { getLibSourceFile, languageVersionOf, libFolder, readLibFile } from './build-program';
import { buildModuleGraph, findVisibleFiles } from './module-graph';
import { getNamePath } from './syntax';

export interface TypeRegression {
  /** Absolute path. */
  file: string;
  line: number;
  column: number;
  /** `TS2352: Conversion of type …`. */
  message: string;
  /** The named functions around the error, innermost first (`getText`, `Api.load`): what to back out. */
  functions: string[];
  /** The changed files this file imports: behind an error in a file the run did not change. */
  changedImports: string[];
}

/** Name paths of the functions enclosing `position`, innermost first. */
function findEnclosingNames(file: ts.SourceFile, position: number): string[] {
  const names: string[] = [];
  const visit = (node: ts.Node): void => {
    if (position < node.getStart(file) || position >= node.getEnd()) return;
    if (ts.isFunctionLike(node)) {
      const name = getNamePath(node);
      if (name) names.unshift(name);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return names;
}

/**
 * What a package not installed explains: cannot find module (2307, 2792), declaration file (7016), type
 * library (2688), and names whose types it would declare (2580, 2591: @types/node; 2582, 2593: a test
 * runner's types; 2583, 2584: a `lib` the tsconfig lacks). Also a member another file of the run does
 * not export yet (2305, 2459, 2614, 2724): edits one file asks of another (a synckit worker's
 * `export { load }`) are applied after this check.
 */
const unresolvedCodes = new Set([2307, 2792, 7016, 2688, 2580, 2591, 2582, 2593, 2583, 2584, 2305, 2459, 2614, 2724]);

const typeScriptFile = /\.(ts|tsx|mts|cts)$/;

const fallbackOptions: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.CommonJS,
  moduleResolution: ts.ModuleResolutionKind.Node10,
  esModuleInterop: true,
};

/** The nearest tsconfig.json's options, or TypeScript's defaults for a Node project. */
function readCompilerOptions(file: string): ts.CompilerOptions {
  const configFile = ts.findConfigFile(dirname(file), (f) => ts.sys.fileExists(f));
  const parsed = configFile
    ? ts.getParsedCommandLineOfConfigFile(configFile, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} })
    : undefined;
  return { ...(parsed?.options ?? fallbackOptions), noEmit: true, skipLibCheck: true, incremental: false };
}

/** Declaration files read from disk, shared by the before and after programs. */
/**
 * The program sees the checked files and what they import directly (as the analysis does: findVisibleFiles)
 * from the run's texts, and packages' declarations from disk; any other file of the project is absent (its
 * imports are `any`), so a check costs the changed files, not the project.
 */
function createOverlayHost(
  options: ts.CompilerOptions,
  sources: ReadonlyMap<string, string>,
  visible: ReadonlySet<string>,
  cache: Map<string, ts.SourceFile>,
): ts.CompilerHost {
  const host = ts.createCompilerHost(options, true);
  const hidden = (fileName: string) => !visible.has(fileName) && !/[\\/]node_modules[\\/]/.test(fileName);
  const getSourceFile = host.getSourceFile.bind(host);
  // the standard library comes with ts-morph, in memory (as for the analysis program)
  host.getDefaultLibLocation = () => libFolder;
  host.getDefaultLibFileName = (o) => `${libFolder}/${ts.getDefaultLibFileName(o)}`;
  host.getSourceFile = (fileName, version, ...rest) => {
    if (fileName.startsWith(`${libFolder}/`)) return getLibSourceFile(fileName, languageVersionOf(version));
    if (hidden(fileName)) return undefined;
    const text = sources.get(fileName);
    if (text !== undefined) return ts.createSourceFile(fileName, text, version, true);
    const known = cache.get(fileName);
    if (known) return known;
    const file = getSourceFile(fileName, version, ...rest);
    if (file) cache.set(fileName, file);
    return file;
  };
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (fileName) =>
    readLibFile(fileName) !== undefined || (!hidden(fileName) && (sources.has(fileName) || fileExists(fileName)));
  const readFile = host.readFile.bind(host);
  host.readFile = (fileName) =>
    readLibFile(fileName) ?? (hidden(fileName) ? undefined : (sources.get(fileName) ?? readFile(fileName)));
  return host;
}

function collectErrors(
  sources: ReadonlyMap<string, string>,
  files: string[],
  options: ts.CompilerOptions,
  cache: Map<string, ts.SourceFile>,
): Map<string, ts.Diagnostic[]> {
  const visible = findVisibleFiles(sources, files);
  const program = ts.createProgram(files, options, createOverlayHost(options, sources, visible, cache));
  const errors = new Map<string, ts.Diagnostic[]>();
  for (const file of files) {
    const sourceFile = program.getSourceFile(file);
    if (!sourceFile) continue;
    const kept = program
      .getSemanticDiagnostics(sourceFile)
      .filter((d) => d.category === ts.DiagnosticCategory.Error && !unresolvedCodes.has(d.code));
    errors.set(file, kept);
  }
  return errors;
}

const keyOf = (d: ts.Diagnostic) => `${d.code} ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`;

/**
 * The errors of each changed TypeScript file, and of each file importing a changed one, that the
 * original texts did not have (by code and message).
 */
export function findTypeRegressions(
  before: ReadonlyMap<string, string>,
  after: ReadonlyMap<string, string>,
): TypeRegression[] {
  const changedAll = [...after.keys()].filter((f) => before.get(f) !== after.get(f));
  // the files that import a changed one see its new signatures: a caller the analysis could not type
  // (`any`) is unchanged and may now fail to compile
  const { importers, imports } = buildModuleGraph(after);
  const checked = new Set([...changedAll, ...changedAll.flatMap((f) => [...(importers.get(f) ?? [])])]);
  const changed = [...checked].filter((f) => typeScriptFile.test(f)).sort();
  if (!changedAll.some((f) => typeScriptFile.test(f)) || changed.length === 0) return [];
  const options = readCompilerOptions(changed[0]);
  const cache = new Map<string, ts.SourceFile>();
  const now = collectErrors(after, changed, options, cache);
  // the original is compiled only for the files that have errors now (usually none): they may be old ones
  const withErrors = changed.filter((file) => (now.get(file) ?? []).length > 0);
  if (withErrors.length === 0) return [];
  const old = collectErrors(before, withErrors, options, cache);
  const regressions: TypeRegression[] = [];
  for (const file of withErrors) {
    const known = new Map<string, number>();
    for (const d of old.get(file) ?? []) known.set(keyOf(d), (known.get(keyOf(d)) ?? 0) + 1);
    for (const d of now.get(file) ?? []) {
      const count = known.get(keyOf(d)) ?? 0;
      if (count > 0) {
        known.set(keyOf(d), count - 1);
        continue;
      }
      const at = d.file?.getLineAndCharacterOfPosition(d.start ?? 0) ?? { line: 0, character: 0 };
      regressions.push({
        file,
        line: at.line + 1,
        column: at.character + 1,
        message: `TS${d.code}: ${keyOf(d).slice(String(d.code).length + 1)}`,
        functions: d.file ? findEnclosingNames(d.file, d.start ?? 0) : [],
        changedImports: [...(imports.get(file) ?? [])].filter((f) => changedAll.includes(f)),
      });
    }
  }
  return regressions;
}
