const { total } = require('../lib/cart');

describe('cart', () => {
  let base;

  beforeEach(async () => {
    base = await total([1]);
  });

  it('sums the prices', async () => {
    expect((await total([1, 2])) + base).toBe(40);
  });
});
