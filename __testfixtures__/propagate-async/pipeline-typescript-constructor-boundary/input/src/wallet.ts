import { getAccount, type Account } from './accounts';

// Loads in its constructor: the getAccount chain cannot become async, so it stays synchronous.
export class Wallet {
  readonly account: Account;

  constructor(base: string, id: string) {
    this.account = getAccount(base, id);
  }
}
