function readConfig(file) {
  return (async () => {
    try {
      const text = await fs.promises.readFile(file, 'utf8');
      return JSON.parse(text);
    } catch (err) {
      throw err;
    }
  })();
}

async function load(id) {
  const row = await db.find(id);
  return cache.get(id);
}

function keepsGoing(emitter) {
  return new Promise(async (resolve) => {
    resolve(await emitter.first());
    emitter.close();
  });
}

function notReturned(p) {
  return new Promise((resolve, reject) => p.then(resolve, reject));
}

module.exports = { readConfig, load, keepsGoing, notReturned };
