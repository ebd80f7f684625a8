/**
 * After the uses moved: the request imports nobody uses any more go, undici (and qs, zlib when the
 * helper needs them) come in, in the file's module style, and the helper is written once after the
 * imports:
 *   const { request, getGlobalDispatcher, interceptors } = require('undici');
 *   async function sendRequest(uri, options) { … }
 */
import { isPropertyName } from '../shared/function-body';
import {
  ensureNamedImports,
  findModuleBindings,
  findFirstUnusedImportIndex,
  getImportInsertIndex,
  getUniqueName,
  removeUnusedModule,
} from '../shared/modules';
import { buildStatement, quoteString } from '../sync-http-to-undici/conversion-state';
import { requestLibraries } from './find-request-uses';
import { buildMergeSource, type HelperNeeds } from './helper-parts';
import { buildSendRequestSource } from './helper-source';
import { buildSendRequestPromiseSource } from './promise-helper-source';
import { placeholders } from './placeholders';
import type { RequestState } from './request-state';

import { findNodes } from '../../source/tree-walk';

function renamePlaceholder(state: RequestState, placeholder: string, name: string): void {
  findNodes(state.root, state.j.Identifier, { name: placeholder }).forEach((path) => {
    path.node.name = name;
  });
}

/** `base`, or `base2`, …: the first name no binding or reference in the file uses (property names do not count). */
function getFreeName(state: RequestState, base: string): string {
  const used = new Set<string>();
  findNodes(state.root, state.j.Identifier).forEach((path) => {
    if (!isPropertyName(path)) used.add(String(path.node.name));
  });
  let name = base;
  for (let n = 2; used.has(name); n += 1) name = `${base}${n}`;
  return name;
}

/** The local name of the whole module `source`, imported in the file's style when it is not yet. */
function ensureWholeModule(state: RequestState, source: string, base: string): string {
  const { j, root, context } = state;
  const existing = findModuleBindings(j, root, source).find((b) => b.imported === 'default');
  if (existing) return existing.local;
  const local = getFreeName(state, base);
  const text = !context.isModule
    ? `const ${local} = require(${quoteString(state, source)});`
    : context.isTypeScript
      ? `import * as ${local} from ${quoteString(state, source)};`
      : `import ${local} from ${quoteString(state, source)};`;
  const body = root.get().node.program.body as unknown[];
  body.splice(getImportInsertIndex(body), 0, buildStatement(state, text));
  return local;
}

function addImports(state: RequestState): void {
  const { j, root, context, needs } = state;
  const slot = findFirstUnusedImportIndex(state.j, state.root, requestLibraries);
  for (const library of requestLibraries) removeUnusedModule(j, root, library);
  const names = [
    'request',
    'getGlobalDispatcher',
    'interceptors',
    ...(needs.features.has('strictSSL') ? ['Agent'] : []),
  ];
  const body = root.get().node.program.body as unknown[];
  const before = new Set(body);
  const locals = ensureNamedImports(j, root, 'undici', names, context.isModule);
  const added = body.findIndex((node) => !before.has(node));
  if (added >= 0 && slot !== null && slot < added) body.splice(slot, 0, ...body.splice(added, 1));
  for (const name of names) renamePlaceholder(state, placeholders[name as keyof typeof placeholders], locals[name]);
  if (needs.features.has('qs') || needs.features.has('form')) {
    renamePlaceholder(state, placeholders.qs, ensureWholeModule(state, 'qs', 'qs'));
  }
  if (needs.features.has('gzip')) {
    renamePlaceholder(state, placeholders.zlib, ensureWholeModule(state, 'node:zlib', 'zlib'));
    const util = ensureNamedImports(j, root, 'node:util', ['promisify'], context.isModule);
    renamePlaceholder(state, placeholders.promisify, util.promisify);
  }
}

function buildCallbackAdapter(state: RequestState, name: string, sendRequest: string): string {
  const any = state.context.isTypeScript ? ': any' : '';
  return [
    "// request's (uri, options, callback) over undici, for the code that receives request as a value",
    `function ${name}(uri${any}, options${any}, callback${any}) {`,
    `  if (typeof options === 'function') return ${name}(uri, undefined, options);`,
    `  ${sendRequest}(uri, options).then((response${any}) => callback(null, response, response.body), callback);`,
    '}',
  ].join('\n');
}

/**
 * The helpers are written with single quotes; in a file whose strings are double-quoted, each plain string
 * literal gets double quotes (comments, regular expressions and templates keep their text, and a string
 * with a quote or an escape in it stays as written).
 */
function toFileQuotes(state: RequestState, text: string): string {
  if (state.quote !== '"') return text;
  const spans: [number, number][] = [];
  findNodes(state.j(text), state.j.Literal).forEach((path) => {
    const node = path.node as { value?: unknown; start?: number; end?: number };
    if (typeof node.value !== 'string' || node.start === undefined || node.end === undefined) return;
    if (/^'[^"\\]*'$/.test(text.slice(node.start, node.end))) spans.push([node.start, node.end]);
  });
  let styled = text;
  for (const [start, end] of spans.sort((a, b) => b[0] - a[0])) {
    styled = `${styled.slice(0, start)}"${styled.slice(start + 1, end - 1)}"${styled.slice(end)}`;
  }
  return styled;
}

/** Writes the helper functions the converted uses call, once, after the imports. */
function addHelpers(state: RequestState): [string, string][] {
  const { j, root, needs, context } = state;
  const helperNeeds: HelperNeeds = {
    features: needs.features,
    promise: needs.sendRequestPromise,
    isTypeScript: context.isTypeScript,
  };
  const renames: [string, string][] = [[placeholders.sendRequest, getUniqueName(j, root, 'sendRequest')]];
  const texts = [buildSendRequestSource(placeholders.sendRequest, helperNeeds)];
  if (needs.sendRequestPromise) {
    const name = getUniqueName(j, root, 'sendRequestPromise');
    texts.push(buildSendRequestPromiseSource(placeholders.sendRequestPromise, placeholders.sendRequest, helperNeeds));
    renames.push([placeholders.sendRequestPromise, name]);
  }
  if (needs.features.has('defaults')) {
    texts.push(buildMergeSource(placeholders.mergeRequestOptions, helperNeeds));
    renames.push([placeholders.mergeRequestOptions, getUniqueName(j, root, 'mergeRequestOptions')]);
  }
  if (needs.sendRequestWithCallback) {
    const name = getUniqueName(j, root, 'sendRequestWithCallback');
    texts.push(buildCallbackAdapter(state, placeholders.sendRequestWithCallback, placeholders.sendRequest));
    renames.push([placeholders.sendRequestWithCallback, name]);
  }
  const statements = texts.map((text) => buildStatement(state, toFileQuotes(state, text)));
  const body = root.get().node.program.body as unknown[];
  body.splice(getImportInsertIndex(body), 0, ...statements);
  return renames;
}

export function finishFile(state: RequestState): void {
  const renames = addHelpers(state);
  addImports(state);
  for (const [placeholder, name] of renames) renamePlaceholder(state, placeholder, name);
}
