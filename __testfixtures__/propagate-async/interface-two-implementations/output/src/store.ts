export interface Store {
  get(id: string): Promise<string>;
  label: (id: string) => string;
}
