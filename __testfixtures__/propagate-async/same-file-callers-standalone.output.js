async function fetchCount() {
  return 3;
}

async function double() {
  return (await fetchCount()) * 2;
}

async function report() {
  console.log(`count: ${await double()}`);
}

report().catch(error => {
  console.error(error);
  process.exitCode = 1;
});
