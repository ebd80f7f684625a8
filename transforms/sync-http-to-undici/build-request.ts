/**
 * The undici side of a sync-request call, written as code text (the user's expressions keep their own
 * text) and parsed once:
 *   request('POST', url, { json: doc, timeout: 500 })
 *   → await request(url, { method: 'POST', headers: { 'content-type': 'application/json' },
 *                          body: JSON.stringify(doc), headersTimeout: 500, dispatcher: followRedirects })
 * plus the statements around it: the body read (`Buffer.from(await res.body.arrayBuffer())`, as
 * sync-request buffered it) or `dump()`, and getBody()'s status check (sync-request throws for >= 300).
 */
import type { ASTNode } from 'jscodeshift';
import {
  buildExpression,
  buildStatement,
  placeholders,
  printNode,
  quoteString,
  type ConversionState,
} from './conversion-state';
import type { SyncRequestPlan } from './read-request-options';
import { readStringLiteral } from './static-values';

type Prop = { key: ASTNode; value: ASTNode };

/** Puts one more property at the end of an object literal's text (`{ a: 1 }` → `{ a: 1, b: 2 }`). */
export function appendProperty(objectText: string, property: string): string {
  const body = objectText.replace(/\s*}\s*$/, '').replace(/,\s*$/, '');
  if (/^\{\s*$/.test(body)) return `{ ${property} }`;
  const multiline = body.includes('\n');
  if (!multiline) return `${body}, ${property} }`;
  const indent = /\n([ \t]*)\S[^\n]*$/.exec(body)?.[1] ?? '  ';
  const closing = /\n([ \t]*)}\s*$/.exec(objectText)?.[1] ?? '';
  return `${body},\n${indent}${property}\n${closing}}`;
}

/** The URL text, with `qs` merged in as then-request does for a URL without a query string. */
export function buildUrlText(state: ConversionState, plan: SyncRequestPlan): string {
  if (!plan.qs) return printNode(state, plan.url);
  state.used.qs = true;
  const query = `\${${placeholders.qs}.stringify(${printNode(state, plan.qs)})}`;
  const literal = readStringLiteral(plan.url);
  if (literal !== null && plan.url.type !== 'TemplateLiteral') {
    return `\`${literal.replace(/[`\\]|\$\{/g, (m) => `\\${m}`)}?${query}\``;
  }
  return printNode(state, plan.url).replace(/`$/, `?${query}\``);
}

function buildHeadersText(state: ConversionState, plan: SyncRequestPlan): string | null {
  const contentType = `${quoteString(state, 'content-type')}: ${quoteString(state, 'application/json')}`;
  const hasContentType = (plan.headersKeys ?? []).some((k) => k.toLowerCase() === 'content-type');
  const existing = plan.headersProperty as unknown as Prop | null;
  if (!plan.json || hasContentType) return existing ? printNode(state, plan.headersProperty as ASTNode) : null;
  if (!existing) return `headers: { ${contentType} }`;
  if (existing.value.type === 'ObjectExpression')
    return `headers: ${appendProperty(printNode(state, existing.value), contentType)}`;
  // a const headers object without content-type: then-request added it next to the user's headers
  return `headers: { ${contentType}, ...${printNode(state, existing.value)} }`;
}

function buildOptionsText(state: ConversionState, plan: SyncRequestPlan): string[] {
  const props: string[] = [];
  if (plan.method === null) {
    // then-request upper-cases the method; undici sends it as given
    const text = printNode(state, plan.methodNode);
    props.push(`method: ${/^[\w$.]+$/.test(text) ? text : `(${text})`}.toUpperCase()`);
  } else if (plan.method !== 'GET') {
    props.push(`method: ${quoteString(state, plan.method)}`);
  }
  const headers = buildHeadersText(state, plan);
  if (headers) props.push(headers);
  if (plan.json) props.push(`body: JSON.stringify(${printNode(state, plan.json)})`);
  else if (plan.bodyProperty) props.push(printNode(state, plan.bodyProperty));
  if (plan.timeoutProperty) {
    const old = plan.timeoutProperty as unknown as Prop & { comments?: unknown };
    const renamed = state.j.objectProperty(state.j.identifier('headersTimeout'), old.value as never);
    (renamed as unknown as { comments?: unknown }).comments = old.comments;
    props.push(printNode(state, renamed));
  }
  if (plan.followRedirects) {
    state.used.redirects = true;
    props.push(`dispatcher: ${placeholders.followRedirects}`);
  }
  return props;
}

/** `await request(url, { … })`; `url` is code text (a name, or the URL expression itself). */
export function buildRequestAwait(state: ConversionState, plan: SyncRequestPlan, url: string): ASTNode {
  state.used.request = true;
  const props = buildOptionsText(state, plan);
  const oneLine = props.length > 0 ? `{ ${props.join(', ')} }` : '';
  const options =
    oneLine.length + url.length > 90 || oneLine.includes('\n')
      ? `{\n  ${props.map((p) => p.replace(/\n/g, '\n  ')).join(',\n  ')},\n}`
      : oneLine;
  if (plan.retry) {
    // sync-request retried this GET (retry: true): the same loop, in a helper written once per file
    state.used.retry = true;
    const { maxRetries, retryDelay } = plan.retry;
    const args = `${url}, ${options || '{}'}, ${maxRetries}, ${retryDelay}`;
    return buildExpression(state, `await ${placeholders.requestWithRetries}(${args})`);
  }
  const head = `await ${placeholders.request}(${url}`;
  return buildExpression(state, options ? `${head}, ${options})` : `${head})`);
}

/** `const <bodyName> = Buffer.from(await <stream>.arrayBuffer());` (stream: `res.body`) */
export function buildBodyRead(state: ConversionState, stream: string, bodyName: string, kind = 'const'): ASTNode {
  return buildStatement(state, `${kind} ${bodyName} = Buffer.from(await ${stream}.arrayBuffer());`);
}

/** `await <stream>.dump();` — undici holds the connection until the body is read or dumped. */
export function buildBodyDump(state: ConversionState, stream: string): ASTNode {
  return buildStatement(state, `await ${stream}.dump();`);
}

/** sync-request's getBody(): `Server responded to <url> with status code <n>:\n<body>` for any status >= 300. */
export function buildStatusCheck(state: ConversionState, response: string, bodyName: string, url: string): ASTNode {
  const literal = /^['"]/.test(url) ? (readStringLiteral(buildExpression(state, url)) ?? '') : null;
  const urlInMessage = literal !== null ? literal.replace(/[`\\]|\$\{/g, (m) => `\\${m}`) : `\${${url}}`;
  const urlProperty = url === 'url' ? 'url' : `url: ${url}`;
  const code =
    `if (${response}.statusCode >= 300) {\n` +
    `  throw Object.assign(new Error(\`Server responded to ${urlInMessage} with status code ` +
    `\${${response}.statusCode}:\\n\${${bodyName}}\`), {\n` +
    `    statusCode: ${response}.statusCode, headers: ${response}.headers, body: ${bodyName}, ${urlProperty},\n` +
    `  });\n}`;
  return buildStatement(state, code);
}
