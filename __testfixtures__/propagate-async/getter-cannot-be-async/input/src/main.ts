import { User } from './user';

console.log(new User(1).name);
