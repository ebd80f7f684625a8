async function fetchPage(n) {
  return await api.page(n);
}

async function fetchAll(count) {
  const pages = [];
  for (let i = 0; i < count; i++) {
    pages.push(await fetchPage(i));
  }
  const last = await fetchPage(count);
  return pages.concat([last]);
}

export const all = fetchAll;

export function firstPage() {
  return fetchPage(0);
}
