'use strict';

const deasync = require('deasync');
const config = require('../config');

// Spaces out calls to the users API so the nightly report does not trip its rate limit.
function pause() {
  deasync.sleep(config.retryDelayMs);
}

module.exports = { pause };
