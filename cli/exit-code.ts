/**
 * The exit code policy, whatever output flags are set:
 *   0  done
 *   1  --check: a file would change, or a sync primitive is left that nothing accepts
 *   2  a file that failed, an error diagnostic, or a refused or failed write
 * (usage errors exit 2 before a run starts, cli/main.ts).
 */
import type { Report, WriteReport } from '../report/totals';
import type { LeftoverGate } from '../report/leftover-gate';
import type { SummaryMode } from '../report/summary';

export function getExitCode(
  mode: SummaryMode,
  report: Report,
  write: WriteReport | undefined,
  gate: LeftoverGate,
): number {
  if (report.totals.failed > 0) return 2;
  // an error diagnostic (an --async name that matches nothing, a failed analysis) fails the run in every mode
  if (report.result.diagnostics.some((d) => d.severity === 'error')) return 2;
  if (write && (write.refusal !== undefined || write.notWritten.length > 0)) return 2;
  if (mode === 'check' && (report.totals.changed > 0 || gate.unaccepted > 0)) return 1;
  return 0;
}
