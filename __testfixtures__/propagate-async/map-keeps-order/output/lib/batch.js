const { save, log } = require('./store');

async function saveAll(items) {
  const saved = [];

  for (const item of items) {
    saved.push(await save(item));
  }

  return saved;
}

async function describeAll(items) {
  const itemsResults2 = [];

  for (const [index, item] of items.entries()) {
    log.push(`describing ${index}`);
    const doubled = await save(item);
    itemsResults2.push(`${item}->${doubled}`);
  }

  return itemsResults2
    .join(', ');
}

async function saveByName(items) {
  const itemsResults = [];

  for (const item2 of items) {
    itemsResults.push(await save(item2));
  }

  return itemsResults;
}

async function touchAll(items) {
  // the results are not used
  for (const item of items) {
    await save(item);
  }
}

// a Map's forEach passes values, where a for…of over the Map would give [key, value] pairs
async function saveValues(byKey) {
  const saved = [];

  for (const item of byKey.values()) {
    saved.push(await save(item));
  }

  return saved;
}

module.exports = { saveAll, describeAll, saveByName, touchAll, saveValues };
