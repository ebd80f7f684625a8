import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { quote } from '../src/pricing.mjs';

describe('quote', () => {
  it('is null when a product has no price', () => {
    assert.equal(quote([{ sku: 'unknown', quantity: 1 }]), null);
  });
});
