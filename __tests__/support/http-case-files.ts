/**
 * What the HTTP behaviour tests share: writing a set of cases as files, running them in one child
 * process with ./http-case-runner.cjs against the loopback server, and reading what the server received
 * for a run and case prefix, without the headers each client adds on its own.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { BehaviourCase } from './http-behaviour-cases';
import type { ReceivedRequest, TestServer } from './http-server';

const runner = join(__dirname, 'http-case-runner.cjs');

export interface CaseFile {
  name: string;
  file: string;
}

export function writeCases(dir: string, cases: BehaviourCase[], pick: (c: BehaviourCase) => string): CaseFile[] {
  mkdirSync(dir, { recursive: true });
  return cases.map((c) => {
    const file = join(dir, `${c.name}.${c.ext}`);
    writeFileSync(file, pick(c));
    return { name: c.name, file };
  });
}

/** Runs `files` in one child process; each case's observation, by name. */
export async function runCases<T>(
  server: TestServer,
  runName: string,
  files: CaseFile[],
  timeout: number,
): Promise<Record<string, T>> {
  const { stdout } = await promisify(execFile)(process.execPath, [runner, JSON.stringify(files)], {
    env: { ...process.env, CASE_SERVER: server.url, CASE_RUN: runName },
    timeout,
    maxBuffer: 16 * 1024 * 1024,
  });
  return JSON.parse(stdout) as Record<string, T>;
}

/** The requests of `prefix`, with the headers `ignore` says a client adds on its own left out. */
export function getReceived(
  server: TestServer,
  prefix: string,
  ignore: (name: string, value: unknown, request: ReceivedRequest) => boolean,
) {
  return server.received
    .filter((r) => r.prefix === prefix)
    .map((r) => ({
      method: r.method,
      path: r.path,
      query: r.query,
      body: r.body,
      headers: Object.fromEntries(
        Object.entries(r.headers)
          .filter(([name, value]) => !ignore(name, value, r))
          .sort(),
      ),
    }));
}
