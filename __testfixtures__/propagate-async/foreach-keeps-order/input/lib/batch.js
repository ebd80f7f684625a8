const { save, log } = require('./store');

function saveAll(items) {
  const results = [];
  items.forEach((item, index) => {
    log.push(`saving ${index}`);
    results.push(save(item));
  });
  return results;
}

function saveEach(items) {
  items.forEach(function (item) {
    save(item);
  });
}

module.exports = { saveAll, saveEach };
