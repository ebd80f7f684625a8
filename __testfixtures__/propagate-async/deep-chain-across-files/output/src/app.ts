import { format } from './format';
import { report } from './service';

async function render(): Promise<string> {
  return format(await report());
}

async function main(): Promise<void> {
  console.log(await render());
}

main().catch(error => {
  console.error(error);
  process.exitCode = 1;
});
