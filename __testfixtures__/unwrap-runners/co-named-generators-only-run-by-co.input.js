import co from 'co';

function* fetchPage(n) {
  return yield api.page(n);
}

function* fetchAll(count) {
  const pages = [];
  for (let i = 0; i < count; i++) {
    pages.push(yield fetchPage(i));
  }
  const last = yield* fetchPage(count);
  return pages.concat([last]);
}

export const all = co.wrap(fetchAll);

export function firstPage() {
  return co(fetchPage(0));
}
