#!/usr/bin/env node
'use strict';

const { join } = require('path');

async function main() {
  async function readName(dir) {
    return join(dir, 'name.txt');
  }

  const name = await readName(__dirname);
  console.log(`name: ${name}`);
}

main().catch(error => {
  console.error(error);
  process.exitCode = 1;
});
