/**
 * A loopback HTTP server for behaviour tests: fixed routes with known statuses, bodies and headers, and
 * a log of what every request carried. A request path may start with any number of prefix segments
 * before the route (`/orig/get-json/json`); the prefix names the run and case, so one server serves
 * several child processes and each request is attributed to its case. Redirects keep the prefix.
 *
 * Routes: /json (200 JSON), /text (200 text), /created (201 JSON), /status/<n> (status n, text body
 * `status <n>`), /redirect (302 → /json), /redirect-307 (307 → /echo), /echo (200 JSON echo of the
 * request), /slow (headers after 3 s), /headers (a single set-cookie, a repeated x-dup, x-single), /gzip
 * (a gzip-encoded JSON body), /bom (text starting with a UTF-8 BOM), /empty (200, no body), /flaky/<n>
 * (503 for a prefix's first n requests, then 200: what retries see).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';

export interface ReceivedRequest {
  /** The prefix before the route (`orig/get-json`). */
  prefix: string;
  method: string;
  /** The route, without the prefix. */
  path: string;
  /** The raw query string, without `?`. */
  query: string;
  /** Request headers, lower-cased, as Node received them. */
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export interface TestServer {
  url: string;
  received: ReceivedRequest[];
  close(): Promise<void>;
}

const routes = [
  'json',
  'text',
  'created',
  'status',
  'redirect',
  'redirect-307',
  'echo',
  'slow',
  'headers',
  'gzip',
  'bom',
  'empty',
  'flaky',
];

function splitPath(pathname: string): { prefix: string; route: string } {
  const parts = pathname.split('/').filter(Boolean);
  const index = parts.findIndex((part) => routes.includes(part));
  if (index < 0) return { prefix: parts.join('/'), route: '/' };
  return { prefix: parts.slice(0, index).join('/'), route: `/${parts.slice(index).join('/')}` };
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(value));
}

/** `seen`: earlier requests with the same prefix and route (what /flaky/<n> counts). */
function answer(req: IncomingMessage, res: ServerResponse, record: ReceivedRequest, seen: number): void {
  const base = record.prefix ? `/${record.prefix}` : '';
  const flaky = /^\/flaky\/(\d+)$/.exec(record.path);
  if (flaky) {
    const failing = seen < Number(flaky[1]);
    res.writeHead(failing ? 503 : 200, { 'content-type': 'text/plain' });
    res.end(failing ? `not yet (${seen + 1})` : `ok after ${seen}`);
    return;
  }
  const status = /^\/status\/(\d{3})$/.exec(record.path);
  if (status) {
    res.writeHead(Number(status[1]), { 'content-type': 'text/plain' });
    res.end(`status ${status[1]}`);
    return;
  }
  switch (record.path) {
    case '/json':
      return sendJson(res, 200, { id: 1, name: 'Ada', tags: ['x', 'y'] });
    case '/created':
      return sendJson(res, 201, { created: true });
    case '/text':
      res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('hello, world');
      return;
    case '/redirect':
      res.writeHead(302, { location: `${base}/json` });
      res.end('moved');
      return;
    case '/redirect-307':
      res.writeHead(307, { location: `${base}/echo` });
      res.end('moved');
      return;
    case '/echo':
      return sendJson(res, 200, {
        method: record.method,
        query: record.query,
        body: record.body,
        contentType: record.headers['content-type'] ?? null,
      });
    case '/slow':
      setTimeout(() => sendJson(res, 200, { slow: true }), 3000);
      return;
    case '/headers':
      res.setHeader('set-cookie', ['session=1']);
      res.setHeader('x-dup', ['a', 'b']);
      res.setHeader('x-single', 'one');
      res.setHeader('content-type', 'text/plain');
      res.end('ok');
      return;
    case '/gzip':
      res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
      res.end(gzipSync(JSON.stringify({ zipped: true })));
      return;
    case '/bom':
      res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('\uFEFFwith bom');
      return;
    case '/empty':
      res.writeHead(200);
      res.end();
      return;
    default:
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('no such route');
  }
}

export async function startTestServer(): Promise<TestServer> {
  const received: ReceivedRequest[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const { prefix, route } = splitPath(url.pathname);
      const record: ReceivedRequest = {
        prefix,
        method: req.method ?? '',
        path: route,
        query: url.search.replace(/^\?/, ''),
        headers: { ...req.headers },
        body: Buffer.concat(chunks).toString('utf8'),
      };
      const seen = received.filter((r) => r.prefix === prefix && r.path === route).length;
      received.push(record);
      answer(req, res, record, seen);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
