/** The engine's working record of one file while a run is in progress. */
import type { DependencyRequest, Diagnostic, NewlyAsync } from '../transforms/shared/types';
import type { SourceText } from '../source/source-text';

export interface FileState {
  absolutePath: string;
  path: string;
  before?: Buffer;
  mode?: number;
  source?: SourceText;
  /** Current text (LF, no BOM): the original until a transform changes it. */
  text?: string;
  skipReason?: string;
  failure?: { message: string; line?: number; column?: number };
  changedBy: string[];
  diagnostics: Diagnostic[];
  newlyAsync: NewlyAsync[];
  dependencies: DependencyRequest[];
}

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return a.line - b.line || a.column - b.column || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
}
