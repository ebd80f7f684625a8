const { save, log } = require('./store');

async function saveAll(items) {
  const results = [];

  for (const [index, item] of items.entries()) {
    log.push(`saving ${index}`);
    results.push(await save(item));
  }

  return results;
}

async function saveEach(items) {
  for (const item of items.values()) {
    await save(item);
  }
}

module.exports = { saveAll, saveEach };
