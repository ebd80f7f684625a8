async function lookup(k) {
  return k;
}

// a bound copy is called where the analysis cannot follow it: left as it was, with a diagnostic
function viaBind(k) {
  const bound = lookup.bind(null);
  return `${bound(k)}!`;
}

module.exports = { lookup, viaBind };
