/**
 * How a file's top level may wait: an ES module uses top-level `await`; a CommonJS entry script (no
 * exports, imported by no file of the run) gets an async `main`; any other CommonJS module is a library
 * whose top level cannot wait (its importers would see its exports before the work finished).
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ModuleGraph } from './module-graph';

export type ModuleKind = 'esm' | 'cjs-entry' | 'cjs-library';
export type ModuleKinds = { get(file: string): ModuleKind };

const esmSyntax =
  /^\s*(?:import\s+[\w*{'"]|export\s+(?:default|const|let|var|function|async|class|\{|\*|type|interface|enum))/m;
const commonJsExports = /\b(?:module\.exports|exports\.[\w$]+)\s*=/;

export function createModuleKinds(sources: ReadonlyMap<string, string>, graph: ModuleGraph, cwd: string): ModuleKinds {
  const cache = new Map<string, ModuleKind>();
  const packageTypes = new Map<string, string | null>();
  const getPackageType = (file: string): string | null => {
    let dir = dirname(file);
    for (;;) {
      if (packageTypes.has(dir)) return packageTypes.get(dir) ?? null;
      const found = readPackageType(dir);
      if (found !== undefined || dir === cwd || dirname(dir) === dir) {
        packageTypes.set(dir, found ?? null);
        return found ?? null;
      }
      dir = dirname(dir);
    }
  };
  return {
    get(file: string): ModuleKind {
      const known = cache.get(file);
      if (known) return known;
      const kind = computeModuleKind(file, sources.get(file) ?? '', graph, getPackageType);
      cache.set(file, kind);
      return kind;
    },
  };
}

/** The `type` of the package.json in `dir`: a string, null when it has none, undefined when no file. */
function readPackageType(dir: string): string | null | undefined {
  try {
    const parsed = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { type?: unknown };
    return typeof parsed.type === 'string' ? parsed.type : null;
  } catch {
    return undefined;
  }
}

function computeModuleKind(
  file: string,
  text: string,
  graph: ModuleGraph,
  getPackageType: (file: string) => string | null,
): ModuleKind {
  const lower = file.toLowerCase();
  const isTypeScript = /\.(c|m)?tsx?$/.test(lower);
  let esm: boolean;
  if (/\.m(j|t)s$/.test(lower)) esm = true;
  else if (/\.c(j|t)s$/.test(lower)) esm = false;
  else if (getPackageType(file) === 'module') esm = true;
  // TypeScript with import syntax compiles to CommonJS unless the package says otherwise
  else esm = !isTypeScript && esmSyntax.test(text);
  if (esm) return 'esm';
  const exportsSomething = commonJsExports.test(text) || /^\s*export\s/m.test(text);
  const imported = (graph.importers.get(file)?.size ?? 0) > 0;
  return exportsSomething || imported ? 'cjs-library' : 'cjs-entry';
}
