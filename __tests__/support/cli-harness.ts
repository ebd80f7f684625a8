/**
 * Runs the whole CLI in process with captured streams and the test transform registry; a --json report
 * it prints is validated against schema/.
 */
import { PassThrough } from 'node:stream';
import { runCli } from '../../cli/main';
import type { CliOverrides } from '../../cli/io';
import { UsageError } from '../../core/errors';
import { buildTestRegistry } from './cli-test-transform';
import { checkJsonOutput } from './report-schema';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export interface CliRunOptions {
  cwd: string;
  env?: Record<string, string | undefined>;
  stdoutIsTTY?: boolean;
  stderrIsTTY?: boolean;
  stdinIsTTY?: boolean;
  /** Lines typed on stdin (for --interactive). */
  input?: string;
  overrides?: CliOverrides;
}

function captureStream(): { stream: { write(chunk: string): boolean }; text: () => string } {
  const chunks: string[] = [];
  return { stream: { write: (chunk) => chunks.push(chunk) > 0 }, text: () => chunks.join('') };
}

export async function runCliInProcess(argv: string[], options: CliRunOptions): Promise<CliRun> {
  const stdout = captureStream();
  const stderr = captureStream();
  const stdin = new PassThrough();
  stdin.end(options.input ?? '');
  const code = await runCli(
    argv,
    {
      cwd: options.cwd,
      stdout: stdout.stream,
      stderr: stderr.stream,
      stdin,
      env: options.env ?? {},
      stdoutIsTTY: options.stdoutIsTTY ?? false,
      stderrIsTTY: options.stderrIsTTY ?? false,
      stdinIsTTY: options.stdinIsTTY ?? false,
    },
    { registry: buildTestRegistry(UsageError), ...options.overrides },
  );
  // every --json document the suite produces must match the shipped schema
  checkJsonOutput(argv, stdout.text());
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}
