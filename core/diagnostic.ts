/**
 * Diagnostics: the unit every report, test and summary is built from. A code belongs to one declaring
 * unit (a transform's `meta`, the analysis, the engine), which gives it one severity and one summary;
 * the registry assembled from those declarations is what `awaitify list`, the README and the JSON
 * schema show.
 */

export type Severity = 'error' | 'warning' | 'info';

/** A finding with a location. */
export interface Diagnostic {
  code: string;
  severity: Severity;
  message: string;
  /** Path as given to the engine (relative to the run's cwd in CLI output). */
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based; a tab counts as one column. */
  column: number;
}

/** What a declaring unit says about one of its codes. */
export interface DiagnosticSpec {
  severity: Severity;
  /** What the code means for the user, and what to do about it. */
  summary: string;
}

export type DiagnosticSpecs<Code extends string = string> = Readonly<Record<Code, DiagnosticSpec>>;

/**
 * Every declared code, from several declaring units. A code declared twice must be the same
 * declaration (a shared code such as MODULE_TOP_LEVEL_ASYNC is one object spread into two metas).
 */
export function createDiagnosticRegistry(declarations: readonly DiagnosticSpecs[]): DiagnosticSpecs {
  const registry: Record<string, DiagnosticSpec> = {};
  for (const specs of declarations) {
    for (const [code, spec] of Object.entries(specs)) {
      const known = registry[code];
      if (known && known !== spec) throw new Error(`diagnostic code ${code} is declared twice with different meanings`);
      registry[code] = spec;
    }
  }
  return registry;
}

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return a.line - b.line || a.column - b.column || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
}
