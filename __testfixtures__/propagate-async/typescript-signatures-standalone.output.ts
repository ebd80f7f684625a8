async function read(): Promise<string> {
  return 'x';
}

export interface Store {
  get(): Promise<string>;
  label: () => string;
}

export const store: Store = {
  async get() {
    return read();
  },
  label: () => 'store',
};

export const upper: (s: string) => Promise<string> = async s => (await read()) + s;

export function pick(a: string): Promise<string>;
export function pick(a: number): Promise<string>;
export async function pick(a: unknown): Promise<string> {
  return upper(String(a));
}

export abstract class Shape {
  abstract area(): Promise<number>;
}

export class Square extends Shape {
  async area(): Promise<number> {
    return (await read()).length;
  }
}
