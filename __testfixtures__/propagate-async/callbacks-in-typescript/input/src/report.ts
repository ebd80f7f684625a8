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
