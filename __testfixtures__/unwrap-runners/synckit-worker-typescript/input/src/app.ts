import { Settings } from './settings';

export function theme(): string {
  const settings = new Settings('app');
  return settings.read('theme');
}
