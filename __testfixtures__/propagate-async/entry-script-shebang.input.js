#!/usr/bin/env node
'use strict';

const { join } = require('path');

async function readName(dir) {
  return join(dir, 'name.txt');
}

const name = readName(__dirname);
console.log(`name: ${name}`);
