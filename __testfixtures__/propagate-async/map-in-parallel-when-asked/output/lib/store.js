const log = [];

async function save(item) {
  await new Promise((resolve) => setTimeout(resolve, 10 - item));
  if (item === 0) throw new Error('cannot save 0');
  log.push(`saved ${item}`);
  return item * 2;
}

module.exports = { save, log };
