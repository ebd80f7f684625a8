// sync-mysql: a sync-rpc client made in a constructor, and the calls that block on it
const rpc = require('sync-rpc');

class Store {
  constructor(config) {
    this._client = rpc(__dirname + '/worker.js', config);
  }
  get(key) {
    return this._client({ type: 'get', key });
  }
  close() {
    this._client({ type: 'close' });
  }
}

const counter = rpc(require.resolve('./counter-worker'));
exports.next = () => counter({ type: 'next' });
exports.Store = Store;
