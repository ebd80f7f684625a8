export { fetchText as download } from './http';
