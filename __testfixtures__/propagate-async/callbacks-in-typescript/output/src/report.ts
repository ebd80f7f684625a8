import { countStock } from './inventory';

export async function stockLines(skus: readonly string[]): Promise<string[]> {
  const lines: string[] = [];

  for (const [position, sku] of skus.entries()) {
    lines.push(`${position + 1}. ${sku}: ${await countStock(sku)}`);
  }

  return lines;
}

export async function totalStock(skus: string[]): Promise<number> {
  const skusResults = [];

  for (const sku of skus) {
    skusResults.push(await countStock(sku));
  }

  return skusResults.reduce((sum, n) => sum + n, 0);
}
