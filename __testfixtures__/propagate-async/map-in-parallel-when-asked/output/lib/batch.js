const { save, log } = require('./store');

async function saveAll(items) {
  const saved = await Promise.all(items.map(async item => save(item)));
  return saved;
}

async function describeAll(items) {
  return (await Promise.all(items
    .map(async (item, index) => {
      log.push(`describing ${index}`);
      const doubled = await save(item);
      return `${item}->${doubled}`;
    })))
    .join(', ');
}

async function saveByName(items) {
  return Promise.all(items.map(save));
}

async function touchAll(items) {
  // the results are not used
  await Promise.all(items.map(async item => save(item)));
}

module.exports = { saveAll, describeAll, saveByName, touchAll };
