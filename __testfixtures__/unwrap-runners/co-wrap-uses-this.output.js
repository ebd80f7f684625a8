class Store {
  constructor(db) {
    this.db = db;
  }
}

Store.prototype.load = async function(key) {
  const row = await this.db.get(key);
  return row && row.value;
};

const countArgs = async function() {
  await Promise.resolve();
  return arguments.length;
};

(async function(a, b) {
  const sum = await Promise.resolve(a + b);
  console.log(this === undefined, sum);
})(1, 2);

module.exports = { Store, countArgs };
