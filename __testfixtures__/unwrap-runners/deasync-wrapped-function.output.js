const fs = require('fs');
const { promisify } = require('node:util');

const readFile = promisify(fs.readFile);

async function loadConfig(file) {
  const text = await readFile(file, 'utf8');
  return JSON.parse(text);
}

async function loadBoth(a, b) {
  return [loadConfig(a), (await promisify(fs.stat)(b)).size];
}

module.exports = { loadConfig, loadBoth };
