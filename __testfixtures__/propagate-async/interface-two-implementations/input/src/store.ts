export interface Store {
  get(id: string): string;
  label: (id: string) => string;
}
