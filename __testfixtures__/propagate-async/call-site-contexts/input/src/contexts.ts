import { fetchUser, fetchValue } from './source';

export class Box {
  constructor(readonly value: number) {}
}

export function conditions(key: string): string {
  if (fetchValue(key) > 3) {
    return 'long';
  }
  while (fetchValue(key) < 0) {
    key += 'x';
  }
  return fetchValue(key) === 0 ? 'empty' : 'short';
}

export function expressions(key: string): string {
  const box = new Box(fetchValue(key));
  const name = fetchUser(box.value).name;
  const tags = [...fetchUser(1).tags, 'c'];
  const either = key.length > 10 || fetchValue(key) > 2;
  return `${name} ${tags.join(',')} ${either} ${Math.max(fetchValue('a'), 0)}`;
}

export function withDefault(key: string, size: number = fetchValue(key)): number {
  return size * 2;
}

export function both(key: string): Promise<number[]> {
  return Promise.all([fetchValue(key), fetchValue(key + key)]);
}

export async function alreadyAsync(key: string): Promise<number> {
  const first = await fetchValue(key);
  return first + fetchValue(key);
}

export function guarded(key: string): number {
  try {
    return fetchValue(key);
  } catch {
    return -1;
  }
}

export const lengthOf = (key: string): number => fetchValue(key);
