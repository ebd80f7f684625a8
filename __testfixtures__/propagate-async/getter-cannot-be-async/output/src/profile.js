async function loadName(id) {
  await new Promise((resolve) => setTimeout(resolve, 1));
  return `user ${id}`;
}

module.exports = { loadName };
