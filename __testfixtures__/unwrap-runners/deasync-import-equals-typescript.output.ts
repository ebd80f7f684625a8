import { setTimeout } from 'node:timers/promises';

export class Poller {
  private async wait(ms: number): Promise<number> {
    await setTimeout(ms);
    return ms;
  }

  get ready(): boolean {
    return true;
  }
}
