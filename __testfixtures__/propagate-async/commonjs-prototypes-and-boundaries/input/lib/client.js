const api = require('./api');

function Client(base) {
  this.base = base;
}

Client.prototype.get = function (path) {
  return api.getJson(this.base + path);
};

Client.prototype.status = function (path) {
  return this.get(path).ok ? 'up' : 'down';
};

exports.Client = Client;

/** @param {Client} client */
exports.describe = function (client) {
  return `status: ${client.status('/health')}`;
};

// `client` has no type here: the call cannot be resolved, so it is reported, not guessed.
exports.describeUntyped = function (client) {
  return `status: ${client.status('/health')}`;
};
