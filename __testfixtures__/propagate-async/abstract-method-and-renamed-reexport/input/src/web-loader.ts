import { Loader } from './base';
import { download } from './index';

export class WebLoader extends Loader {
  count = 0;

  load(path: string): string {
    try {
      return download(`https://example.test/${path}`);
    } finally {
      this.count += 1;
    }
  }
}

export default function makeLoader(): Loader {
  return new WebLoader();
}
