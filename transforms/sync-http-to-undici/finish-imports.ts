/**
 * After the calls moved: drop sync-request / sync-fetch imports nobody uses any more, import what the
 * converted code uses from undici (and qs) in the file's module style, and create the redirect-following
 * dispatcher once per module:
 *   const followRedirects = getGlobalDispatcher().compose(interceptors.redirect({ maxRedirections: 20 }));
 */
import type { ASTPath } from 'jscodeshift';
import {
  ensureModuleImport,
  ensureNamedImports,
  findFirstUnusedImportIndex,
  insertAfterImports,
  getUniqueName,
  removeUnusedModule,
} from '../shared/modules';
import { buildStatement, placeholders, type ConversionState } from './conversion-state';
import { httpLibraries } from './find-http-calls';

import { findNodes } from '../../source/tree-walk';

export function finishImports(state: ConversionState): void {
  const { j, root, context, used } = state;
  const slot = findFirstUnusedImportIndex(state.j, state.root, httpLibraries);
  for (const library of httpLibraries) removeUnusedModule(j, root, library);
  const names = [
    ...(used.request ? ['request'] : []),
    ...(used.fetch ? ['fetch'] : []),
    ...(used.redirects ? ['getGlobalDispatcher', 'interceptors'] : []),
  ];
  const body = root.get().node.program.body as unknown[];
  const before = new Set(body);
  const locals = names.length > 0 ? ensureNamedImports(j, root, 'undici', names, context.isModule) : {};
  const added = body.findIndex((node) => !before.has(node));
  // the undici import takes the place of the import it replaces (also avoids recast printing
  // `'use strict';;` when the first statement after a directive is removed)
  if (added >= 0 && slot !== null && slot < added) body.splice(slot, 0, ...body.splice(added, 1));
  if (used.retry) addRetryHelper(state);
  if (used.request) renamePlaceholder(state, placeholders.request, locals.request);
  if (used.fetch) renamePlaceholder(state, placeholders.fetch, locals.fetch);
  if (used.redirects) {
    const name =
      findRedirectDispatcher(state) ?? addRedirectDispatcher(state, locals.getGlobalDispatcher, locals.interceptors);
    renamePlaceholder(state, placeholders.followRedirects, name);
  }
  if (used.qs) {
    const style = !context.isModule ? 'require' : context.isTypeScript ? 'namespace' : 'default';
    renamePlaceholder(state, placeholders.qs, ensureModuleImport(j, root, 'qs', 'qs', style));
  }
}

/**
 * http-basic's retry, once per file: a GET that fails (a network error, or a status >= 400) is sent
 * again after `retryDelay` ms, up to `maxRetries` times; then the last response or error is the result.
 */
function addRetryHelper(state: ConversionState): void {
  const { j, root, context } = state;
  const request = placeholders.request;
  const name = getUniqueName(j, root, 'requestWithRetries');
  const text = [
    '// awaitify: sync-request retried a GET that failed (a network error, or a status of 400 or more)',
    '// maxRetries times, retryDelay ms apart, and gave the last response or error; this does the same.',
    ...(context.isTypeScript
      ? [
          `async function ${name}(`,
          `  url: Parameters<typeof ${request}>[0],`,
          `  options: Parameters<typeof ${request}>[1],`,
          '  maxRetries: number,',
          '  retryDelay: number,',
          `): ReturnType<typeof ${request}> {`,
        ]
      : [`async function ${name}(url, options, maxRetries, retryDelay) {`]),
    '  for (let attempt = 0; ; attempt += 1) {',
    '    try {',
    `      const response = await ${request}(url, options);`,
    '      if (response.statusCode < 400 || attempt >= maxRetries) return response;',
    '      await response.body.dump();',
    '    } catch (error) {',
    '      if (attempt >= maxRetries) throw error;',
    '    }',
    '    await new Promise((resolve) => setTimeout(resolve, retryDelay));',
    '  }',
    '}',
  ].join('\n');
  const body = root.get().node.program.body as unknown[];
  body.push(buildStatement(state, text));
  renamePlaceholder(state, placeholders.requestWithRetries, name);
}

function renamePlaceholder(state: ConversionState, placeholder: string, name: string): void {
  findNodes(state.root, state.j.Identifier, { name: placeholder }).forEach((path) => {
    path.node.name = name;
  });
}

/**
 * A dispatcher this transform created on an earlier run: `const x =
 * getGlobalDispatcher().compose(interceptors.redirect(…))`.
 */
function findRedirectDispatcher(state: ConversionState): string | null {
  const { j, root } = state;
  const found = findNodes(root, j.VariableDeclarator)
    .filter((path: ASTPath) => {
      const init = (path.node as { init?: unknown }).init;
      return (
        init !== null &&
        init !== undefined &&
        findNodes(j(path), j.Identifier, { name: 'redirect' }).size() > 0 &&
        /\.compose\(/.test(j(init as never).toSource())
      );
    })
    .paths();
  const first = found[0]?.node as { id?: { type: string; name?: string } } | undefined;
  return first?.id?.type === 'Identifier' ? (first.id.name ?? null) : null;
}

function addRedirectDispatcher(state: ConversionState, getGlobalDispatcher: string, interceptors: string): string {
  const { j, root } = state;
  const name = getUniqueName(j, root, 'followRedirects');
  const statement = buildStatement(
    state,
    `const ${name} = ${getGlobalDispatcher}().compose(${interceptors}.redirect({ maxRedirections: 20 }));`,
  ) as unknown as { comments?: unknown[] };
  statement.comments = [
    j.commentLine(
      ' redirects are followed as before; undici.request follows them only through this interceptor',
      true,
      false,
    ),
  ];
  const body = root.get().node.program.body as unknown[];
  insertAfterImports(body, statement);
  return name;
}
