/**
 * Behaviour of migrated request-family code, with real parts: every case in
 * ./support/request-behaviour-cases.ts runs as written (the real request, request-promise and
 * request-promise-native packages) and as request-to-undici migrates it (real undici), each set in one
 * child `node` process against the same loopback server. Per case two comparisons: what the code
 * observed (values, errors with their name, message, code and statusCode) and what the server received
 * (method, route, query, body, and every header the user's options put on the wire).
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { transformFile } from '../engine/transform-file';
import { requestToUndici } from '../transforms/request-to-undici';
import type { BehaviourCase } from './support/http-behaviour-cases';
import {
  getReceived as getReceivedWithout,
  runCases as runCaseFiles,
  writeCases,
  type CaseFile,
} from './support/http-case-files';
import { startTestServer, type TestServer } from './support/http-server';
import { requestBehaviourCases } from './support/request-behaviour-cases';

const projectRoot = join(__dirname, '..');
/**
 * Headers each client adds on its own: left out of the comparison. Two are documented differences,
 * checked below: request adds `referer` on a redirect hop, and `content-length: 0` on a HEAD.
 */
const clientHeaders = new Set(['host', 'connection', 'user-agent', 'referer']);

interface Observed {
  value?: unknown;
  error?: unknown;
  ms: number;
}

function migrate(c: BehaviourCase): { text: string; warnings: string[] } {
  const out = transformFile({
    file: `${c.name}.${c.ext}`,
    text: c.source,
    transforms: [requestToUndici],
    nodeEngines: '>=20.18.1',
  });
  return {
    text: out.text,
    warnings: out.diagnostics
      // options built at runtime are applied, and checked, by the helper: a warning to review, not a refusal
      .filter((d) => d.severity !== 'info' && d.code !== 'REQUEST_DYNAMIC_OPTIONS')
      .map((d) => `${d.code}: ${d.message}`),
  };
}

const runCases = (server: TestServer, runName: string, files: CaseFile[]) =>
  runCaseFiles<Observed>(server, runName, files, 60000);
const getReceived = (server: TestServer, prefix: string) =>
  getReceivedWithout(
    server,
    prefix,
    (name, value, r) => clientHeaders.has(name) || (r.method === 'HEAD' && name === 'content-length' && value === '0'),
  );

describe('request-to-undici: migrated code behaves like request and request-promise against a real server', () => {
  let server: TestServer;
  let dir: string;
  let original: Record<string, Observed>;
  let migrated: Record<string, Observed>;
  const migrations = new Map(requestBehaviourCases.map((c) => [c.name, migrate(c)]));

  beforeAll(async () => {
    server = await startTestServer();
    mkdirSync(join(projectRoot, 'node_modules', '.cache'), { recursive: true });
    dir = mkdtempSync(join(projectRoot, 'node_modules', '.cache', 'awaitify-request-behaviour-'));
    const originalFiles = writeCases(join(dir, 'orig'), requestBehaviourCases, (c) => c.source);
    const migratedFiles = writeCases(
      join(dir, 'migr'),
      requestBehaviourCases,
      (c) => migrations.get(c.name)?.text ?? '',
    );
    [original, migrated] = await Promise.all([
      runCases(server, 'orig', originalFiles),
      runCases(server, 'migr', migratedFiles),
    ]);
    if (process.env.AWAITIFY_SHOW_OBSERVED) console.log(JSON.stringify({ original, migrated }, null, 1));
  }, 90000);

  afterAll(async () => {
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('migrates every case away from the request family, without a warning', () => {
    for (const c of requestBehaviourCases) {
      const text = migrations.get(c.name)?.text ?? '';
      expect({
        name: c.name,
        left: /require\('request/.test(text),
        warnings: migrations.get(c.name)?.warnings,
      }).toEqual({ name: c.name, left: false, warnings: [] });
    }
  });

  it('inlines the callback after an await in a named function, and keeps it called by the promise elsewhere', () => {
    expect(migrations.get('callback-json-get')?.text).toMatch(
      /async function fetchIt\(base, results\) \{\n {2}const \[err, res, body\] = await/,
    );
    expect(migrations.get('then-inline-callback')?.text).toMatch(/\.then\(\(\[err, res, body\]\) =>/);
    expect(migrations.get('then-named-callback')?.text).toMatch(/\.then\(\(response\) => handle\(null, response/);
  });

  it('documented differences: no referer on a redirect hop, no content-length: 0 on a HEAD', () => {
    const hop = (prefix: string) => server.received.filter((r) => r.prefix === prefix && r.path === '/json')[0];
    expect(hop('orig/callback-get-follows-redirect')?.headers.referer).toMatch(/\/redirect$/);
    expect(hop('migr/callback-get-follows-redirect')?.headers.referer).toBeUndefined();
    const head = (prefix: string) => server.received.filter((r) => r.prefix === prefix)[0]?.headers['content-length'];
    expect([head('orig/rp-head-resolves-headers'), head('migr/rp-head-resolves-headers')]).toEqual(['0', undefined]);
  });

  describe.each(requestBehaviourCases.map((c) => [c.name] as const))('%s', (name) => {
    it('observes the same values and errors', () => {
      const { value, error } = original[name];
      expect({ value, error }).not.toEqual({ value: undefined, error: undefined });
      expect({ value: migrated[name].value, error: migrated[name].error }).toEqual({ value, error });
    });

    it('sends the same requests', () => {
      const before = getReceived(server, `orig/${name}`);
      expect(getReceived(server, `migr/${name}`)).toEqual(before);
    });
  });
});
