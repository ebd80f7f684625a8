const co = require('co');
const thunkify = require('thunkify');
const fs = require('fs');

const readFile = thunkify(fs.readFile);

exports.readBoth = co.wrap(function* (a, b) {
  const first = yield readFile(a, 'utf8');
  const second = yield fs.readFile.bind(null, b, 'utf8');
  return first + second;
});

exports.nothing = co.wrap(function* () {
  yield null;
  return 1;
});

exports.nested = co.wrap(function* (urls) {
  return yield [get(urls[0]), [get(urls[1])]];
});
