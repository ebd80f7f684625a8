const { getClock } = require('./api');

class Timer {
  started = getClock();
}

module.exports = Timer;
