import deasync = require('deasync');

export class Poller {
  private wait(ms: number): number {
    deasync.sleep(ms);
    return ms;
  }

  get ready(): boolean {
    return true;
  }
}
