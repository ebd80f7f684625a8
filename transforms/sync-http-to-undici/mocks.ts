/**
 * Tests that mock sync-request or sync-fetch (`jest.mock('sync-fetch')`, `vi.mock(…)`, a
 * `mock-require`/`proxyquire` stub) pass before a migration and for the wrong reason, or reach for the
 * network, after it: the migrated code calls undici, which the mock does not replace. Said at the mock,
 * with what to use instead.
 */
import type { ASTPath, Collection, JSCodeshift } from 'jscodeshift';
import { findNodes } from '../../source/tree-walk';
import type { TransformContext } from '../shared/types';
import { httpLibraries, type HttpLibrary } from './find-http-calls';

const mockers = new Set(['jest.mock', 'jest.doMock', 'vi.mock', 'vi.doMock', 'td.replace']);

function getCalleeName(callee: { type: string; name?: string; object?: unknown; property?: unknown }): string {
  if (callee.type === 'Identifier') return callee.name ?? '';
  if (callee.type !== 'MemberExpression') return '';
  const object = callee.object as { type: string; name?: string };
  const property = callee.property as { type: string; name?: string };
  return object.type === 'Identifier' && property.type === 'Identifier' ? `${object.name}.${property.name}` : '';
}

/** `jest.mock('sync-fetch')` and its kin, with the library they mock. */
function findMocks(j: JSCodeshift, root: Collection): { path: ASTPath; library: HttpLibrary }[] {
  const found: { path: ASTPath; library: HttpLibrary }[] = [];
  findNodes(root, j.CallExpression).forEach((path) => {
    const name = getCalleeName(path.node.callee as never);
    if (!mockers.has(name) && name !== 'mock' && name !== 'proxyquire') return;
    for (const argument of path.node.arguments as { type: string; value?: unknown }[]) {
      const library = httpLibraries.find((l) => argument.value === l);
      if (library && (argument.type === 'StringLiteral' || argument.type === 'Literal')) {
        found.push({ path, library });
      }
    }
  });
  return found;
}

/** Reports each mock; returns the libraries the file mocks. */
export function reportMocks(context: TransformContext, root: Collection): Set<HttpLibrary> {
  const mocked = new Set<HttpLibrary>();
  for (const { path, library } of findMocks(context.j, root)) {
    mocked.add(library);
    context.report({
      code: 'HTTP_MOCK_OF_MIGRATED_MODULE',
      node: path,
      message:
        `this test mocks ${library}; code migrated to undici no longer calls it, so the mock stops ` +
        `intercepting (the test then passes for the wrong reason or reaches the network). Mock undici instead: ` +
        `its MockAgent (setGlobalDispatcher(mockAgent) for fetch, or the dispatcher option for request), ` +
        `or nock 14 or later`,
    });
  }
  return mocked;
}

/** `fetch.mockImplementation(…)`: configuring the mock, which the mock's own diagnostic covers. */
export function isMockConfiguration(path: ASTPath): boolean {
  const parent = path.parent?.node as { type: string; object?: unknown; property?: { name?: string } } | undefined;
  return (
    parent?.type === 'MemberExpression' && parent.object === path.node && /^mock/.test(parent.property?.name ?? '')
  );
}
