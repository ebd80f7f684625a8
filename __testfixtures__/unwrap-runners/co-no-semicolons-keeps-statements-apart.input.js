const co = require('co')
const Bluebird = require('bluebird')

setup()
co(function* () {
  yield start()
})

const load = Bluebird.coroutine(function* (id) {
  return yield fetch(id)
})

function show(id) {
  return load(id).then(render).spread(print)
}

module.exports = { show }
