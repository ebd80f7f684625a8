import request from 'sync-request';

import { request as request2, getGlobalDispatcher, interceptors } from 'undici';

// redirects are followed as before; undici.request follows them only through this interceptor
const followRedirects = getGlobalDispatcher().compose(interceptors.redirect({ maxRedirections: 20 }));

export interface Account {
  id: string;
  balance: number;
}

export function getAccount(base: string, id: string): Account {
  const res = request('GET', `${base}/accounts/${id}`);
  return JSON.parse(res.getBody('utf8')) as Account;
}

export async function getStatus(base: string): Promise<number> {
  const res = await request2(`${base}/status`, { dispatcher: followRedirects });
  await res.body.dump();
  return res.statusCode;
}
