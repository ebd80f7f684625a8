import { stockLines, totalStock } from '../src/report';

describe('report', () => {
  let total = 0;

  beforeAll(async () => {
    total = await totalStock(['a', 'bb']);
  });

  it('numbers the lines', async () => {
    expect(await stockLines(['abc'])).toEqual(['1. abc: 3']);
    expect(total).toBe(3);
  });
});
