import request from 'sync-request';

export interface Account {
  id: string;
  balance: number;
}

export class AccountClient {
  constructor(private readonly baseUrl: string) {}

  getAccount(id: string): Account {
    const res = request('GET', `${this.baseUrl}/accounts/${id}`, { headers: { accept: 'application/json' } });
    return JSON.parse(res.getBody('utf8')) as Account;
  }

  deposit(id: string, amount: number): number {
    const res = request('POST', `${this.baseUrl}/accounts/${id}/deposits`, { json: { amount } });
    return res.statusCode;
  }
}
