// the worker is CommonJS: an ES module can import its module.exports as the default
import compressSync from './compress-worker.cjs';

export async function pack(files) {
  const filesResults = [];

  for (const file of files) {
    filesResults.push({
      file,
      size: (await compressSync(file)).length
    });
  }

  return filesResults;
}
