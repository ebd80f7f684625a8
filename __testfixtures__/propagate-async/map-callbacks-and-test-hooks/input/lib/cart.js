const { price } = require('./prices');

function total(ids) {
  return ids.map((id) => price(id)).reduce((sum, value) => sum + value, 0);
}

function priceList(ids) {
  return ids.map(price);
}

module.exports = { total, priceList };
