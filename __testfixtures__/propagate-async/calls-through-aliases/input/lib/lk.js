async function lookup(k) {
  await new Promise((resolve) => setTimeout(resolve, 1));
  return k.toUpperCase();
}

module.exports = { lookup };
