export async function fetchText(url: string): Promise<string> {
  await new Promise((resolve) => setTimeout(resolve, 1));
  return `<${url}>`;
}
