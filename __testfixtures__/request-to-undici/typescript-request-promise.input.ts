import * as rp from 'request-promise';
import { Options } from 'request';

export interface Item {
  id: number;
}

export async function fetchItems(base: string, token: string): Promise<Item[]> {
  const options: Options = { uri: base + '/items', json: true, auth: { bearer: token } };
  return rp(options);
}

export function countItems(base: string): Promise<number> {
  return rp.get(`${base}/items/count`).then((text: string) => Number(text));
}
