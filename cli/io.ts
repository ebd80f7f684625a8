/**
 * What the CLI may touch of its process, passed in so that tests run the whole CLI in process with
 * their own streams, folder, environment and terminal flags.
 */
import type { TransformRegistry } from '../transforms/registry';

export interface OutputStream {
  write(chunk: string): unknown;
}

export interface CliIo {
  cwd: string;
  stdout: OutputStream;
  stderr: OutputStream;
  stdin: NodeJS.ReadableStream;
  env: Readonly<Record<string, string | undefined>>;
  stdoutIsTTY: boolean;
  stderrIsTTY: boolean;
  stdinIsTTY: boolean;
  /** Terminal width for --help (default 100). */
  columns?: number;
}

/** Seams for tests; the real CLI passes none. */
export interface CliOverrides {
  registry?: TransformRegistry;
  /** Milliseconds clock for the progress line. */
  now?: () => number;
}
