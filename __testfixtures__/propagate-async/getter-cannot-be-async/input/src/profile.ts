export async function loadName(id: number): Promise<string> {
  await new Promise((resolve) => setTimeout(resolve, 1));
  return `user ${id}`;
}
