/** Named pipes for tests: Node has no mkfifo, so the system's is used. */
import { execFileSync } from 'node:child_process';

export function mkfifoSync(file: string): void {
  execFileSync('mkfifo', [file]);
}
