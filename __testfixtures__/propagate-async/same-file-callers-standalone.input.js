async function fetchCount() {
  return 3;
}

function double() {
  return fetchCount() * 2;
}

function report() {
  console.log(`count: ${double()}`);
}

report();
