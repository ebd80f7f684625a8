async function lookup(key) {
  await new Promise((resolve) => setTimeout(resolve, 1));
  return key.length;
}

function report(key) {
  setTimeout(() => {
    console.log(lookup(key));
  }, 0);
}

module.exports = { lookup, report };
