const { price } = require('./prices');

async function total(ids) {
  const idsResults2 = [];

  for (const id of ids) {
    idsResults2.push(await price(id));
  }

  return idsResults2.reduce((sum, value) => sum + value, 0);
}

async function priceList(ids) {
  const idsResults = [];

  for (const item of ids) {
    idsResults.push(await price(item));
  }

  return idsResults;
}

module.exports = { total, priceList };
