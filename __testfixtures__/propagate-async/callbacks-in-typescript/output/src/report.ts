import { countStock } from './inventory';

export async function stockLines(skus: readonly string[]): Promise<string[]> {
  const lines: string[] = [];

  for (const [position, sku] of skus.entries()) {
    lines.push(`${position + 1}. ${sku}: ${await countStock(sku)}`);
  }

  return lines;
}

export async function totalStock(skus: string[]): Promise<number> {
  const skusResults3 = [];

  for (const sku of skus) {
    skusResults3.push(await countStock(sku));
  }

  return skusResults3.reduce((sum, n) => sum + n, 0);
}

// the stock list is read later by a closure: TypeScript must still know its element type
export async function stockReader(skus: string[]): Promise<() => string> {
  const skusResults2 = [];

  for (const sku of skus) {
    skusResults2.push(await countStock(sku));
  }

  const counts = skusResults2;
  return () => counts.join('|');
}

// a Map's forEach passes (value, key); a loop over the Map itself would give [key, value] pairs
export async function describeStock(bySku: Map<string, string>): Promise<string[]> {
  const lines: string[] = [];

  for (const [label, sku] of bySku.entries()) {
    lines.push(`${label}: ${await countStock(sku)}`);
  }

  return lines;
}

// an arrow whose expression body is a map gets a block body that holds the loop, nested maps too
export const stockCounts = async (skus: string[]) => {
  const skusResults = [];

  for (const sku of skus) {
    skusResults.push(await countStock(sku));
  }

  return skusResults;
};
export const stockGrid = async (rows: string[][]) => {
  const rowsResults = [];

  for (const row of rows) {
    const rowResults = [];

    for (const sku of row) {
      rowResults.push(await countStock(sku));
    }

    rowsResults.push(rowResults);
  }

  return rowsResults;
};
