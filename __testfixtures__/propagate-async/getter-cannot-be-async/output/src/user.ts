import { displayName } from './names';

export class User {
  constructor(readonly id: number) {}

  get name(): string {
    return displayName(this.id);
  }
}
