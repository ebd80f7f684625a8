import type { Store } from './store';

export function describeUser(store: Store, id: string): string {
  return `${store.label(id)}: ${store.get(id)}`;
}
