#!/usr/bin/env node
/** The awaitify executable: hands the real process to the CLI and sets the exit code it returns. */
import { runCli } from '../cli/main';
import { getProcessIo } from '../cli/process-io';

void runCli(process.argv.slice(2), getProcessIo()).then((code) => {
  process.exitCode = code;
});
