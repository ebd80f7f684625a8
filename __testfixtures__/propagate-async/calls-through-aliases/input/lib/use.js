const lk = require('./lk');
const { lookup } = lk;

// calls that do not name lookup: an alias, call/apply, a renamed destructuring
function viaAlias(k) {
  const g = lookup;
  return `${g(k)}!`;
}

function viaCall(k) {
  return `${lookup.call(null, k)}!`;
}

function viaApply(k) {
  return `${lookup.apply(null, [k])}!`;
}

function viaDestructure(k) {
  const { lookup: find } = lk;
  return `${find(k)}!`;
}

module.exports = { viaAlias, viaCall, viaApply, viaDestructure };
