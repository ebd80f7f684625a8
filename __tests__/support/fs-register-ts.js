/**
 * Lets a plain `node` child process require the TypeScript sources directly (tests spawn real processes
 * that must be killed mid-write; ts-node is not a dependency and dist/ may not be built).
 * Usage: node --require ./__tests__/support/fs-register-ts.js script.js
 */
const { readFileSync } = require('fs');
const ts = require('typescript');

require.extensions['.ts'] = function compileTypeScript(module, filename) {
  const { outputText } = ts.transpileModule(readFileSync(filename, 'utf8'), {
    fileName: filename,
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
  });
  module._compile(outputText, filename);
};
