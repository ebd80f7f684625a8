const { save, log } = require('./store');

function saveAll(items) {
  const saved = items.map((item) => save(item));
  return saved;
}

function describeAll(items) {
  return items
    .map((item, index) => {
      log.push(`describing ${index}`);
      const doubled = save(item);
      return `${item}->${doubled}`;
    })
    .join(', ');
}

function saveByName(items) {
  return items.map(save);
}

function touchAll(items) {
  // the results are not used
  items.map((item) => save(item));
}

// a Map's forEach passes values, where a for…of over the Map would give [key, value] pairs
function saveValues(byKey) {
  const saved = [];
  byKey.forEach((item) => {
    saved.push(save(item));
  });
  return saved;
}

module.exports = { saveAll, describeAll, saveByName, touchAll, saveValues };
