const { total } = require('../lib/cart');

describe('cart', () => {
  let base;

  beforeEach(() => {
    base = total([1]);
  });

  it('sums the prices', () => {
    expect(total([1, 2]) + base).toBe(40);
  });
});
