async function price(id) {
  await new Promise((resolve) => setTimeout(resolve, 1));
  return id * 10;
}

module.exports = { price };
