/**
 * Lets a plain `node` child process require the TypeScript sources directly (tests spawn real processes
 * that must be killed mid-write; ts-node is not a dependency and dist/ may not be built).
 * Transpiled output is cached in the OS temp folder by content hash, so most spawns never load the
 * (large) typescript module. Usage: node --require ./__tests__/support/fs-register-ts.js script.js
 */
const { createHash } = require('crypto');
const { mkdirSync, readFileSync, renameSync, writeFileSync } = require('fs');
const os = require('os');
const path = require('path');

const cacheFolder = path.join(os.tmpdir(), 'awaitify-test-ts-cache');

function transpile(source, filename) {
  const ts = require('typescript');
  return ts.transpileModule(source, {
    fileName: filename,
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
  }).outputText;
}

function readCompiled(filename) {
  const source = readFileSync(filename, 'utf8');
  const cached = path.join(
    cacheFolder,
    `${createHash('sha256').update(filename).update('\0').update(source).digest('hex')}.js`,
  );
  try {
    return readFileSync(cached, 'utf8');
  } catch {
    const output = transpile(source, filename);
    mkdirSync(cacheFolder, { recursive: true });
    // Written beside and renamed, so a concurrent reader never sees half a file.
    const partial = `${cached}.${process.pid}.partial`;
    writeFileSync(partial, output);
    renameSync(partial, cached);
    return output;
  }
}

require.extensions['.ts'] = function compileTypeScript(module, filename) {
  module._compile(readCompiled(filename), filename);
};
