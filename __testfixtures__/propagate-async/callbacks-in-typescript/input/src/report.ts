import { countStock } from './inventory';

export function stockLines(skus: readonly string[]): string[] {
  const lines: string[] = [];
  skus.forEach((sku: string, position: number) => {
    lines.push(`${position + 1}. ${sku}: ${countStock(sku)}`);
  });
  return lines;
}

export function totalStock(skus: string[]): number {
  return skus.map((sku: string): number => countStock(sku)).reduce((sum, n) => sum + n, 0);
}

// the stock list is read later by a closure: TypeScript must still know its element type
export function stockReader(skus: string[]): () => string {
  const counts = skus.map((sku) => countStock(sku));
  return () => counts.join('|');
}

// a Map's forEach passes (value, key); a loop over the Map itself would give [key, value] pairs
export function describeStock(bySku: Map<string, string>): string[] {
  const lines: string[] = [];
  bySku.forEach((sku, label) => {
    lines.push(`${label}: ${countStock(sku)}`);
  });
  return lines;
}

// an arrow whose expression body is a map gets a block body that holds the loop, nested maps too
export const stockCounts = (skus: string[]) => skus.map((sku) => countStock(sku));
export const stockGrid = (rows: string[][]) => rows.map((row) => row.map((sku) => countStock(sku)));
