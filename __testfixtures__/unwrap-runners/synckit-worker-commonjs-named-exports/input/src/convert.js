const { resolve } = require('node:path');
const synckit = require('synckit');

function convertAll(files) {
  const convert = synckit.createSyncFn(resolve(__dirname, './workers/convert.js'));
  const tally = synckit.createSyncFn(resolve(__dirname, 'workers', 'tally.js'));
  const converted = [];
  for (const file of files) converted.push(convert(file, tally(file)));
  return converted;
}

module.exports = { convertAll, base: resolve(__dirname, '..') };
