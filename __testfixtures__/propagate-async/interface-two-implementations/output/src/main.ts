import { MemoryStore } from './memory-store';
import { RemoteStore } from './remote-store';
import { describeUser } from './users';

async function main() {
  for (const store of [new MemoryStore(), new RemoteStore()]) {
    console.log(await describeUser(store, '7'));
  }
}

main().catch(error => {
  console.error(error);
  process.exitCode = 1;
});
