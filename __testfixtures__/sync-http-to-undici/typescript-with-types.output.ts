import { request, getGlobalDispatcher, interceptors } from 'undici';

// redirects are followed as before; undici.request follows them only through this interceptor
const followRedirects = getGlobalDispatcher().compose(interceptors.redirect({ maxRedirections: 20 }));

export interface Account {
  id: string;
  balance: number;
}

export class AccountClient {
  constructor(private readonly baseUrl: string) {}

  async getAccount(id: string): Promise<Account> {
    const url = `${this.baseUrl}/accounts/${id}`;
    const res = await request(url, { headers: { accept: 'application/json' }, dispatcher: followRedirects });
    const resBody = Buffer.from(await res.body.arrayBuffer());

    if (res.statusCode >= 300) {
      throw Object.assign(new Error(`Server responded to ${url} with status code ${res.statusCode}:\n${resBody}`), {
        statusCode: res.statusCode, headers: res.headers, body: resBody, url,
      });
    }

    return JSON.parse(resBody.toString('utf8')) as Account;
  }

  async deposit(id: string, amount: number): Promise<number> {
    const res = await request(`${this.baseUrl}/accounts/${id}/deposits`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ amount }),
      dispatcher: followRedirects,
    });
    await res.body.dump();
    return res.statusCode;
  }
}
