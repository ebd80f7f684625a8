const lk = require('./lk');
const { lookup } = lk;

// calls that do not name lookup: an alias, call/apply, a renamed destructuring
async function viaAlias(k) {
  const g = lookup;
  return `${await g(k)}!`;
}

async function viaCall(k) {
  return `${await lookup.call(null, k)}!`;
}

async function viaApply(k) {
  return `${await lookup.apply(null, [k])}!`;
}

async function viaDestructure(k) {
  const { lookup: find } = lk;
  return `${await find(k)}!`;
}

module.exports = { viaAlias, viaCall, viaApply, viaDestructure };
