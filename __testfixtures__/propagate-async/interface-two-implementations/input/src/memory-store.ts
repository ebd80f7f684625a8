import type { Store } from './store';

export class MemoryStore implements Store {
  private readonly values = new Map<string, string>();

  get(id: string): string {
    return this.values.get(id) ?? 'missing';
  }

  label = (id: string): string => `memory ${id}`;
}
