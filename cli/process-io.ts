/** The real process as the CLI's io: used by bin/awaitify.ts and by tests that spawn the built CLI. */
import type { CliIo } from './io';

/**
 * `awaitify --json | head` closes the pipe early: the reader has what it wanted, so the remaining
 * output is dropped instead of crashing on EPIPE (the exit code still reports the run).
 */
function ignoreClosedPipe(stream: NodeJS.WriteStream): NodeJS.WriteStream {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
  return stream;
}

export function getProcessIo(): CliIo {
  return {
    cwd: process.cwd(),
    stdout: ignoreClosedPipe(process.stdout),
    stderr: ignoreClosedPipe(process.stderr),
    stdin: process.stdin,
    env: process.env,
    stdoutIsTTY: process.stdout.isTTY === true,
    stderrIsTTY: process.stderr.isTTY === true,
    stdinIsTTY: process.stdin.isTTY === true,
    columns: process.stdout.columns,
  };
}
