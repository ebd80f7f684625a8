// This module used sync-request once; it now reads from a local file.
const fs = require('fs');

function readConfig(path) {
  return JSON.parse(fs.readFileSync(path, 'utf8'));
}

module.exports = readConfig;
