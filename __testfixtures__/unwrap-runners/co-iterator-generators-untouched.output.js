function* range(n) {
  for (let i = 0; i < n; i++) yield i;
}

function* ids() {
  yield* range(3);
}

const total = [...ids()].reduce((a, b) => a + b, 0);

exports.sum = async function () {
  let s = 0;
  for (const i of range(total)) s += await Promise.resolve(i);
  return s;
};
