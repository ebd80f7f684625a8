const { fetchTitle } = require('./client');

function Page({ url }) {
  const title = fetchTitle(url);
  return <h1>{title}</h1>;
}

module.exports = { Page };
