async function query(sql) {
  return [sql];
}

module.exports = { query };
