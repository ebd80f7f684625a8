const { resolve } = require('node:path');

async function convertAll(files) {
  const convert = require('./workers/convert.js').runWorker;
  const tally = require('./workers/tally.js').tally;
  const converted = [];
  for (const file of files) converted.push(await convert(file, await tally(file)));
  return converted;
}

module.exports = { convertAll, base: resolve(__dirname, '..') };
