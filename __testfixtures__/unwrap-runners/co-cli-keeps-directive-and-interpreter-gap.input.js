#!/usr/bin/env node

"use strict";

var co = require('co');
var cli = require('../lib/cli');

// iotor's bin: the directive keeps its double quotes in a single-quoted file, the gap after #! stays
co(function *() {
  yield cli.run(process.argv.slice(2));
}).then(function () {
  process.exit(0);
});
