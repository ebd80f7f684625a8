// lookup used to block: the map callbacks ran one after another even under Promise.all
async function lookup(k) { return k; }
async function all(keys) {
  return Promise.all(keys.map(async (k) => (await lookup(k)) + '!'));
}
function some(keys) {
  return Promise.all(keys.map(async k => lookup(k)));
}
module.exports = { lookup, all, some };
