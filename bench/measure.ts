/**
 * Runs one command in its own process and measures it: wall time (taken here), CPU time and peak RSS
 * from GNU time (`/usr/bin/time -v`). GNU time reports the largest resident set of the process and
 * its waited-for children, so a multi-process tool (jscodeshift's workers) is reported by its biggest
 * process, not the sum. Without GNU time, node processes report their own peak through a preloaded
 * hook (`rss-hook.js`, via NODE_OPTIONS) and CPU time is not available.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';

export interface Measurement {
  wallMs: number;
  /** User + system CPU time, null without GNU time. */
  cpuMs: number | null;
  maxRssMb: number;
  exitCode: number;
  /** The end of the command's stderr, to show why a command failed. */
  stderrTail: string;
  /** The end of its stdout, when asked for (`captureStdout`). */
  stdoutTail?: string;
}

export interface CommandSpec {
  command: string;
  args: string[];
  cwd: string;
  /** Text written to the command's stdin. */
  input?: string;
  env?: NodeJS.ProcessEnv;
  /** Keep the end of stdout (small outputs only: a diff preview is discarded instead). */
  captureStdout?: boolean;
}

const gnuTime = '/usr/bin/time';
export const hasGnuTime = fs.existsSync(gnuTime);

function readGnuTime(file: string): { cpuMs: number; maxRssMb: number } {
  const text = fs.readFileSync(file, 'utf8');
  const read = (label: string): number => Number(new RegExp(`${label}: ([\\d.]+)`).exec(text)?.[1] ?? NaN);
  return {
    cpuMs: (read('User time \\(seconds\\)') + read('System time \\(seconds\\)')) * 1000,
    maxRssMb: read('Maximum resident set size \\(kbytes\\)') / 1024,
  };
}

function readHookFile(file: string): number {
  if (!fs.existsSync(file)) return NaN;
  const peaks = fs.readFileSync(file, 'utf8').split('\n').filter(Boolean).map(Number);
  return Math.max(...peaks) / 1024;
}

export function measureCommand(spec: CommandSpec): Measurement {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'awaitify-bench-time-'));
  const timeFile = path.join(scratch, 'time.txt');
  const hookFile = path.join(scratch, 'rss.txt');
  const env = { ...process.env, ...spec.env };
  if (!hasGnuTime) {
    env.AWAITIFY_BENCH_RSS_FILE = hookFile;
    env.NODE_OPTIONS = `${env.NODE_OPTIONS ?? ''} --require ${path.join(__dirname, 'rss-hook.js')}`.trim();
  }
  const [command, args] = hasGnuTime
    ? [gnuTime, ['-v', '-o', timeFile, spec.command, ...spec.args]]
    : [spec.command, spec.args];
  const started = performance.now();
  const child = spawnSync(command, args, {
    cwd: spec.cwd,
    env,
    input: spec.input ?? '',
    stdio: ['pipe', spec.captureStdout ? 'pipe' : 'ignore', 'pipe'],
    maxBuffer: 64 * 1024 * 1024,
  });
  const wallMs = performance.now() - started;
  try {
    if (child.error) throw child.error;
    const exitCode = child.status ?? 1;
    const stderrTail = child.stderr.toString().slice(-2000);
    const usage = hasGnuTime ? readGnuTime(timeFile) : { cpuMs: null, maxRssMb: readHookFile(hookFile) };
    const stdoutTail = spec.captureStdout ? String(child.stdout ?? '').slice(-2000) : undefined;
    return { wallMs, exitCode, stderrTail, stdoutTail, ...usage };
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

/** The middle value (the mean of the two middle values for an even count). */
export function median(values: readonly number[]): number {
  const sorted = [...values].filter((v) => !Number.isNaN(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
