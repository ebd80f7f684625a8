// the worker is CommonJS: an ES module can import its module.exports as the default
import compressSync from './compress-worker.cjs';

export async function pack(files) {
  return Promise.all(files.map(async file => ({
    file,
    size: (await compressSync(file)).length
  })));
}
