const { price } = require('./prices');

async function total(ids) {
  return (await Promise.all(ids.map(async id => price(id)))).reduce((sum, value) => sum + value, 0);
}

async function priceList(ids) {
  return Promise.all(ids.map(price));
}

module.exports = { total, priceList };
