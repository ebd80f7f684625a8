import { MemoryStore } from './memory-store';
import { RemoteStore } from './remote-store';
import { describeUser } from './users';

for (const store of [new MemoryStore(), new RemoteStore()]) {
  console.log(describeUser(store, '7'));
}
