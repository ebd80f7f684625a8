const request = require('sync-request');

/** Reads the price list. */
function prices(url) {
  // the price service is slow in the morning
  const res = request('GET', url, {
    // give it five seconds
    timeout: 5000,
  });
  /* prices are cents */
  return JSON.parse(res.getBody('utf8')); // throws for >= 300
}

module.exports = prices;
