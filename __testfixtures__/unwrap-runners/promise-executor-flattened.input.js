function readConfig(file) {
  return new Promise(async (resolve, reject) => {
    try {
      const text = await fs.promises.readFile(file, 'utf8');
      resolve(JSON.parse(text));
    } catch (err) {
      reject(err);
    }
  });
}

async function load(id) {
  const row = await new Promise((resolve, reject) => db.find(id).then(resolve, reject));
  return new Promise((res, rej) => cache.get(id).then(res).catch(rej));
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
