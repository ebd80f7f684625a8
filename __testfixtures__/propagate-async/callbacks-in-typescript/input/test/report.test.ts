import { stockLines, totalStock } from '../src/report';

describe('report', () => {
  let total = 0;

  beforeAll(() => {
    total = totalStock(['a', 'bb']);
  });

  it('numbers the lines', () => {
    expect(stockLines(['abc'])).toEqual(['1. abc: 3']);
    expect(total).toBe(3);
  });
});
