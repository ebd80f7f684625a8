const { log } = require('./store');
const { saveAll, saveEach } = require('./batch');

const doubled = saveAll([1, 2, 3]);
saveEach([4, 5]);
console.log(doubled.join(','));
console.log(log.join('\n'));
