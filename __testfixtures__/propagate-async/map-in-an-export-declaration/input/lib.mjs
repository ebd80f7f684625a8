export async function load(id) {
  return id * 10;
}
