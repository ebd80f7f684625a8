import request from 'sync-request';

export interface Account {
  id: string;
  balance: number;
}

export function getAccount(base: string, id: string): Account {
  const res = request('GET', `${base}/accounts/${id}`);
  return JSON.parse(res.getBody('utf8')) as Account;
}

export function getStatus(base: string): number {
  const res = request('GET', `${base}/status`);
  return res.statusCode;
}
