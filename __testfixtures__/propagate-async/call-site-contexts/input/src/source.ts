export async function fetchValue(key: string): Promise<number> {
  await new Promise((resolve) => setTimeout(resolve, 1));
  return key.length;
}

export async function fetchUser(id: number): Promise<{ name: string; tags: string[] }> {
  await new Promise((resolve) => setTimeout(resolve, 1));
  return { name: `user${id}`, tags: ['a', 'b'] };
}
