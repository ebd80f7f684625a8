async function read(): Promise<string> {
  return 'x';
}

export interface Store {
  get(): string;
  label: () => string;
}

export const store: Store = {
  get() {
    return read();
  },
  label: () => 'store',
};

export const upper: (s: string) => string = (s) => read() + s;

export function pick(a: string): string;
export function pick(a: number): string;
export function pick(a: unknown): string {
  return upper(String(a));
}

export abstract class Shape {
  abstract area(): number;
}

export class Square extends Shape {
  area(): number {
    return read().length;
  }
}
