import { format } from './format';
import { report } from './service';

function render(): string {
  return format(report());
}

function main(): void {
  console.log(render());
}

main();
