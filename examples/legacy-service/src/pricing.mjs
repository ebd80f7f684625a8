import { getPrice } from './catalog.mjs';

// A quote is the sum of the current prices; an unknown product makes the whole quote unavailable.
export function quote(items) {
  let total = 0;
  for (const item of items) {
    const price = getPrice(item.sku);
    if (price === null) {
      return null;
    }
    total += price * item.quantity;
  }
  return Math.round(total * 100) / 100;
}
