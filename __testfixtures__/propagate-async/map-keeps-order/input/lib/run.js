const { log } = require('./store');
const batch = require('./batch');

console.log(batch.saveAll([1, 2, 3]).join(','));
console.log(batch.describeAll([4, 5]));
console.log(batch.saveByName([6, 7]).join(','));
batch.touchAll([8, 9]);
console.log(batch.saveValues(new Map([['a', 3], ['b', 4]])).join(','));
try {
  batch.saveAll([1, 0, 2]);
} catch (error) {
  console.log(`failed: ${error.message}`);
}
console.log(log.join('\n'));
