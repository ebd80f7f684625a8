export async function fetchRemote(id: string): Promise<string> {
  await new Promise((resolve) => setTimeout(resolve, 1));
  return `remote-${id}`;
}
