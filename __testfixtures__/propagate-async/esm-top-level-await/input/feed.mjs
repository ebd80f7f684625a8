export async function readFeed(name) {
  await new Promise((resolve) => setTimeout(resolve, 1));
  return [`${name}-1`, `${name}-2`];
}

export function countItems(name) {
  return readFeed(name).length;
}
