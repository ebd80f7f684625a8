/** Hand-built engine results for reporter tests: a RunResult from before/after texts, no engine run. */
import type { Diagnostic } from '../../core/diagnostic';
import * as path from 'node:path';
import type { FileResult, RunResult } from '../../engine/types';

export interface FileSpec {
  path: string;
  before?: string | Buffer;
  after?: string | Buffer;
  status?: FileResult['status'];
  reason?: string;
  error?: FileResult['error'];
  diagnostics?: Diagnostic[];
}

function toBuffer(value: string | Buffer | undefined): Buffer | undefined {
  return value === undefined ? undefined : Buffer.isBuffer(value) ? value : Buffer.from(value, 'utf8');
}

export function buildFileResult(spec: FileSpec, root = '/repo'): FileResult {
  const before = toBuffer(spec.before);
  const after = toBuffer(spec.after);
  const status = spec.status ?? (after && before && !after.equals(before) ? 'changed' : 'unchanged');
  return {
    path: spec.path,
    absolutePath: path.join(root, spec.path),
    status,
    before,
    after: status === 'changed' ? after : undefined,
    reason: spec.reason,
    error: spec.error,
    changedBy: status === 'changed' ? ['rename-old-name'] : [],
    diagnostics: spec.diagnostics ?? [],
  };
}

export function buildRunResult(specs: FileSpec[], extra: Partial<RunResult> = {}, root = '/repo'): RunResult {
  const files = specs.map((spec) => buildFileResult(spec, root));
  return {
    files,
    diagnostics: files.flatMap((f) => f.diagnostics),
    madeAsync: [],
    apiChanges: [],
    starts: [],
    leftovers: [],
    options: {
      engine: { transforms: [], ignore: [], maxFileSize: 2097152, concurrency: 1, node: undefined, verify: true },
      transforms: {},
    },
    stats: {
      discovered: files.length,
      parsed: files.length,
      prefiltered: 0,
      parses: files.length,
      workers: 0,
      durationMs: 1,
      phaseMs: {},
    },
    ...extra,
  };
}

export function buildDiagnostic(
  code: string,
  file: string,
  line: number,
  column: number,
  message = `${code} here`,
): Diagnostic {
  return { code, severity: 'warning', message, file, line, column };
}
