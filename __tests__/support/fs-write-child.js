/**
 * Child process of the kill and signal tests: rewrites `count` files of `dir` through writeResults,
 * printing its progress (every 50 files) so the parent can strike mid-run.
 * Usage: node --require fs-register-ts.js fs-write-child.js <dir> <count>
 */
const path = require('path');
const { readFileSync } = require('fs');
const { writeResults } = require('../../write/write-results.ts');
const { buildNewContent, getFileName } = require('./fs-write-contents.ts');

const [dir, countText] = process.argv.slice(2);
const items = [];
for (let index = 0; index < Number(countText); index++) {
  const absolutePath = path.join(dir, getFileName(index));
  items.push({ absolutePath, before: readFileSync(absolutePath), after: Buffer.from(buildNewContent(index)) });
}
process.stdout.write('start\n');
writeResults(items, {
  onProgress: (done) => {
    if (done % 50 === 0) process.stdout.write(`${done}\n`);
  },
}).then((batch) => {
  process.stdout.write(`done ${batch.kind}\n`);
});
