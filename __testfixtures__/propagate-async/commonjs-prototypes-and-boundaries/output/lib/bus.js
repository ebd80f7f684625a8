const { EventEmitter } = require('events');
const api = require('./api');

const bus = new EventEmitter();

bus.on('page', (url) => {
  console.log(api.getText(url));
});

module.exports = bus;
