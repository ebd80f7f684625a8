// signoz-projectset-microservice-price: the test replaces sync-fetch; after a migration it would not
const fetch = require('sync-fetch');
const { getSpotPrice } = require('../processors/historical-data-processor');

jest.mock('sync-fetch');

test('reads the spot price', () => {
  fetch.mockImplementation(() => ({ json: () => ({ price: 3 }) }));
  expect(getSpotPrice('ACME')).toEqual({ price: 3 });
});
