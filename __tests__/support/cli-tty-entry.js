/**
 * The built CLI (dist/) with the test transform, on the real process: what the spawned and terminal
 * (tmux) tests run, since the built bin only knows the registered transforms.
 */
'use strict';
const path = require('node:path');

const dist = path.resolve(__dirname, '../../dist');
const { runCli } = require(path.join(dist, 'cli/main.js'));
const { getProcessIo } = require(path.join(dist, 'cli/process-io.js'));
const { UsageError } = require(path.join(dist, 'core/errors.js'));
const { buildTestRegistry } = require('./cli-test-transform.js');

void runCli(process.argv.slice(2), getProcessIo(), { registry: buildTestRegistry(UsageError) }).then((code) => {
  process.exitCode = code;
});
