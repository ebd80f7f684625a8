const log = [];

async function save(item) {
  await new Promise((resolve) => setTimeout(resolve, 10 - item));
  log.push(`saved ${item}`);
  return item * 2;
}

module.exports = { save, log };
