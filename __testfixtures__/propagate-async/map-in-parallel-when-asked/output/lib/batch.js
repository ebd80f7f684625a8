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

// a Map's forEach passes values, where a for…of over the Map would give [key, value] pairs
async function saveValues(byKey) {
  const saved = [];

  for (const item of byKey.values()) {
    saved.push(await save(item));
  }

  return saved;
}

module.exports = { saveAll, describeAll, saveByName, touchAll, saveValues };
