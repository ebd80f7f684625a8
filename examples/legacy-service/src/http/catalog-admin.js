'use strict';

const request = require('sync-request');
const config = require('../config');

/** A product's stock, or null when the catalog does not know the SKU (it answers 404). */
function getStock(sku) {
  const res = request('GET', `${config.catalogApi}/stock`, { qs: { sku, warehouse: 'main' } });
  try {
    return JSON.parse(res.getBody('utf8')).quantity;
  } catch (err) {
    if (err.statusCode === 404) return null;
    throw err;
  }
}

/** The warehouse list; the catalog is flaky at night, so sync-request retries it. */
function listWarehouses() {
  const res = request('GET', `${config.catalogApi}/warehouses`, { retry: true, maxRetries: 3 });
  return JSON.parse(res.getBody('utf8'));
}

module.exports = { getStock, listWarehouses };
