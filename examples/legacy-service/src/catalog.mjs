import fetch from 'sync-fetch';
import config from './config.js';

// Prices change rarely; the catalog service is the source of truth.
export function getPrice(sku) {
  const res = fetch(`${config.catalogApi}/prices/${sku}`, { headers: { accept: 'application/json' } });
  if (!res.ok) {
    return null;
  }
  return res.json().amount;
}

export function describeProduct(sku) {
  const text = fetch(`${config.catalogApi}/products/${sku}/summary`).text();
  return `${sku}: ${text.trim()}`;
}
