import type { Store } from './store';

export async function describeUser(store: Store, id: string): Promise<string> {
  return `${store.label(id)}: ${await store.get(id)}`;
}
