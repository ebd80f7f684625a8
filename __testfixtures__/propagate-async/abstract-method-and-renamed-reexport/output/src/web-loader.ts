import { Loader } from './base';
import { download } from './index';

export class WebLoader extends Loader {
  count = 0;

  async load(path: string): Promise<string> {
    try {
      return await download(`https://example.test/${path}`);
    } finally {
      this.count += 1;
    }
  }
}

export default function makeLoader(): Loader {
  return new WebLoader();
}
