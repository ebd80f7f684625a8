/** The engine's working record of one file while a run is in progress. */
import type { AsyncFunction } from '../core/async-function';
import type { Diagnostic } from '../core/diagnostic';
import type { SourceText } from '../source/source-text';
import type { DependencyRequest } from '../transforms/shared/types';

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
  /** Functions the per-file transforms made async in this file: the project phase's starting points. */
  madeAsync: AsyncFunction[];
  dependencies: DependencyRequest[];
  /**
   * Times the file's text was parsed for editing this run (the per-file phase, a boundary round, the plan, an edit
   * asked by another file).
   */
  parses: number;
  /** Boundary diagnostics (often in other files) because of which conversions of this file were left out. */
  leftOutFor: Diagnostic[];
}

export function createFileState(absolutePath: string, path: string): FileState {
  return {
    absolutePath,
    path,
    changedBy: [],
    diagnostics: [],
    madeAsync: [],
    dependencies: [],
    leftOutFor: [],
    parses: 0,
  };
}
