import { fetchUser, fetchValue } from './source';

export class Box {
  constructor(readonly value: number) {}
}

export async function conditions(key: string): Promise<string> {
  if ((await fetchValue(key)) > 3) {
    return 'long';
  }
  while ((await fetchValue(key)) < 0) {
    key += 'x';
  }
  return (await fetchValue(key)) === 0 ? 'empty' : 'short';
}

export async function expressions(key: string): Promise<string> {
  const box = new Box(await fetchValue(key));
  const name = (await fetchUser(box.value)).name;
  const tags = [...(await fetchUser(1)).tags, 'c'];
  const either = key.length > 10 || (await fetchValue(key)) > 2;
  return `${name} ${tags.join(',')} ${either} ${Math.max(await fetchValue('a'), 0)}`;
}

export async function withDefault(key: string, size?: number): Promise<number> {
  if (size === undefined) {
    size = await fetchValue(key);
  }

  return size * 2;
}

export function both(key: string): Promise<number[]> {
  return Promise.all([fetchValue(key), fetchValue(key + key)]);
}

export async function alreadyAsync(key: string): Promise<number> {
  const first = await fetchValue(key);
  return first + (await fetchValue(key));
}

export async function guarded(key: string): Promise<number> {
  try {
    return await fetchValue(key);
  } catch {
    return -1;
  }
}

export const lengthOf = async (key: string): Promise<number> => fetchValue(key);
