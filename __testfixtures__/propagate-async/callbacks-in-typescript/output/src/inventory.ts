export async function countStock(sku: string): Promise<number> {
  await new Promise((resolve) => setTimeout(resolve, 1));
  return sku.length;
}
