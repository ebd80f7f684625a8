'use strict';

// Where the upstream services live; overridable for local runs.
module.exports = {
  usersApi: process.env.USERS_API || 'http://127.0.0.1:4001',
  catalogApi: process.env.CATALOG_API || 'http://127.0.0.1:4002',
  retryDelayMs: Number(process.env.RETRY_DELAY_MS || 250),
};
