const { sleep } = require('deasync');

class Poller {
  get ready() {
    sleep(5);
    return true;
  }
}

sleep(50);

module.exports = Poller;
