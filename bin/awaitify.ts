#!/usr/bin/env node
/** The awaitify executable: hands the real process to the CLI and sets the exit code it returns. */
import { runCli } from '../lib/cli/main';

void runCli(process.argv.slice(2), {
  cwd: process.cwd(),
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  env: process.env,
  stdoutIsTTY: process.stdout.isTTY === true,
  stderrIsTTY: process.stderr.isTTY === true,
  stdinIsTTY: process.stdin.isTTY === true,
  columns: process.stdout.columns,
}).then((code) => {
  process.exitCode = code;
});
