const fs = require('fs');
const deasync = require('deasync');

const readFile = deasync(fs.readFile);

function loadConfig(file) {
  const text = readFile(file, 'utf8');
  return JSON.parse(text);
}

function loadBoth(a, b) {
  return [loadConfig(a), deasync(fs.stat)(b).size];
}

module.exports = { loadConfig, loadBoth };
