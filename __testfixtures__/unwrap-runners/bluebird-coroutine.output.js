const getUser = async function (id) {
  const row = await db.query('SELECT * FROM users WHERE id = ?', [id]);
  return row && row.name;
};

class Repo {}
Repo.prototype.save = async function (item) {
  await this.db.insert(item);
  return item.id;
};

module.exports = { getUser, Repo };

const warmUp = async function () {
  await getUser(1);
};

warmUp();
