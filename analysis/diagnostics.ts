/** The diagnostics the analysis reports (propagate-async's meta declares them as its own). */
import type { Diagnostic, DiagnosticSpecs } from '../core/diagnostic';

export const analysisDiagnostics = {
  ASYNC_BOUNDARY: {
    severity: 'warning',
    summary:
      'A chain of callers reached a context that cannot be async (constructor, getter, setter, class field, ' +
      'callback of an API ' +
      'that ignores promises, library top level); the chain was left unchanged unless --mark-boundaries.',
  },
  ASYNC_UNRESOLVED_CALL: {
    severity: 'warning',
    summary:
      'A method call on a value of unknown type shares its name with a method that became async; it may need an await.',
  },
  ASYNC_NOW_CONCURRENT: {
    severity: 'info',
    summary:
      'A call now awaited inside an async map callback whose promises go to Promise.all: the callbacks, which ran ' +
      'one after ' +
      'another while the call blocked, now interleave.',
  },
  ASYNC_TYPE_NOT_UPDATED: {
    severity: 'warning',
    summary: 'A named function type describes a function made async; its return type needs a Promise by hand.',
  },
  ASYNC_ANALYSIS_FAILED: {
    severity: 'error',
    summary: 'The project analysis failed; every conversion that needed its callers updated was left out.',
  },
  TYPE_CHECK_REGRESSION: {
    severity: 'warning',
    summary:
      'The migrated TypeScript had a type error the original did not; the conversions behind it were backed out ' +
      '(or, when none could be, the error is reported). --no-verify skips the check.',
  },
  ASYNC_NAME_NOT_FOUND: {
    severity: 'error',
    summary:
      '--async named a file that is not in the run, or a function the file does not declare; the message lists ' +
      'close names.',
  },
} satisfies DiagnosticSpecs;

export type AnalysisCode = keyof typeof analysisDiagnostics;

/** A diagnostic of the analysis, its severity from the declaration above. */
export function createDiagnostic(
  code: AnalysisCode,
  message: string,
  at: { file: string; line: number; column: number },
): Diagnostic {
  return { code, severity: analysisDiagnostics[code].severity, message, ...at };
}
