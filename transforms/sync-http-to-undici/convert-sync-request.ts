/**
 * One sync-request call → undici.request, checked completely before anything is edited:
 *   const res = request('GET', url);          const res = await request(url, { dispatcher: followRedirects });
 *   use(JSON.parse(res.getBody('utf8')));  →  const resBody = Buffer.from(await res.body.arrayBuffer());
 *                                             if (res.statusCode >= 300) { throw Object.assign(new Error(…), {…}); }
 *                                             use(JSON.parse(resBody.toString('utf8')));
 */
import type { ASTNode, ASTPath } from 'jscodeshift';
import type { ConversionId } from '../../core/async-function';
import { getAwaitSite, prepareAwaitSite } from '../shared/await-site';
import {
  ensureInStatementList,
  findHoistTarget,
  insertBeforeStatement,
  wrapArrowBody,
  type HoistTarget,
} from '../shared/evaluation-order';
import { getLocalUniqueName } from '../shared/local-name';
import { isNeverReassigned } from '../shared/references';
import { buildBodyDump, buildBodyRead, buildRequestAwait, buildStatusCheck, buildUrlText } from './build-request';
import { buildExpression, buildStatement, printNode, quoteString, type ConversionState } from './conversion-state';
import { readCallShape, type CallShape } from './read-call-shape';
import { readRequestOptions, type SyncRequestPlan } from './read-request-options';
import { readResponseUses, type ResponseUse, type ResponseUses } from './read-response-uses';
import type { Refusal } from './refusal';
import { readStringLiteral } from './static-values';

import { findNodes } from '../../source/tree-walk';

const destructurable = new Set(['statusCode', 'headers', 'body']);

export function convertSyncRequest(state: ConversionState, call: ASTPath, conversionId: ConversionId): Refusal | null {
  const { j, root, context } = state;
  const site = getAwaitSite(call, context.isModule);
  if (!site.ok)
    return { code: site.code, node: call.node, message: `${site.reason}; the sync-request call is left as it was` };
  const plan = readRequestOptions(j, root, call);
  if (!plan.ok) return plan.refusal;
  const shape = readCallShape(j, root, call, destructurable, 'SYNCREQ_RESPONSE_ESCAPES');
  if (!shape.ok) return shape.refusal;
  const refs = shape.value.kind === 'stored' || shape.value.kind === 'chained' ? shape.value.refs : [];
  const uses = readResponseUses(refs);
  if (!uses.ok) return uses.refusal;
  const hoist = shape.value.kind === 'chained' ? findHoistTarget(call) : null;
  if (shape.value.kind === 'chained' && !hoist) {
    return {
      code: 'SYNCREQ_GETBODY_POSITION',
      node: call.node,
      message:
        'the request runs conditionally or after another call in its statement; move it into a statement of its ' +
        'own, then run again',
    };
  }

  reportInfo(state, plan.value, uses.value);
  prepareAwaitSite(
    context,
    site.site,
    `awaits undici.request (sync-request at ${context.placeOf(conversionId)})`,
    conversionId,
    state.madeAsync,
  );
  applyShape(state, call, plan.value, shape.value, uses.value.uses, hoist);
  return null;
}

function reportInfo(state: ConversionState, plan: SyncRequestPlan, uses: ResponseUses): void {
  const { context } = state;
  if (plan.timeoutProperty) {
    context.report({
      code: 'SYNCREQ_TIMEOUT_ERROR',
      node: plan.timeoutProperty,
      message:
        'timeout became headersTimeout: on timeout undici throws HeadersTimeoutError (code ' +
        'UND_ERR_HEADERS_TIMEOUT), not Error("Request timed out after <n>ms"), and checks the timer on a ~0.5 s ' +
        'tick (it can fire up to ~1 s late); check code that inspects the message or relies on short timeouts',
    });
  }
  if (plan.ignoredMaxRedirects) {
    context.report({
      code: 'SYNCREQ_MAX_REDIRECTS_IGNORED',
      node: plan.ignoredMaxRedirects,
      message:
        'sync-request ignored maxRedirects (default gzip) and followed redirects without limit; the migrated call ' +
        'follows up to 20',
    });
  }
  for (const node of uses.headerShape) {
    context.report({
      code: 'SYNCREQ_HEADER_SHAPE',
      node,
      message:
        'undici gives a single set-cookie as a string and a repeated header as an array (sync-request: always an ' +
        'array / joined with ", "); check this read',
    });
  }
}

function applyShape(
  state: ConversionState,
  call: ASTPath,
  plan: SyncRequestPlan,
  shape: CallShape,
  uses: ResponseUse[],
  hoist: HoistTarget | null,
): void {
  const { j, root } = state;
  switch (shape.kind) {
    case 'discarded': {
      const request = printNode(state, buildRequestAwait(state, plan, buildUrlText(state, plan)));
      (shape.statement.node as unknown as { expression: unknown }).expression = buildExpression(
        state,
        `await (${request}).body.dump()`,
      );
      return;
    }
    case 'destructured':
      applyDestructured(state, plan, shape.declarator, shape.declaration);
      return;
    case 'stored':
      applyStored(state, plan, shape.name, uses, shape.declaration, (init) => {
        (shape.declarator.node as unknown as { init: ASTNode }).init = init;
      });
      return;
    case 'chained': {
      const target = getStatement(state, hoist as HoistTarget);
      const name = getLocalUniqueName(j, root, target, 'response');
      const declaration = j.variableDeclaration('const', [
        j.variableDeclarator(j.identifier(name), j.identifier('undefined')),
      ]);
      insertBeforeStatement(target, [declaration]);
      call.replace(j.identifier(name));
      const declarationPath = target.parentPath.get((target.name as number) - 1) as ASTPath;
      applyStored(state, plan, name, uses, declarationPath, (init) => {
        (declaration.declarations[0] as unknown as { init: ASTNode }).init = init;
      });
    }
  }
}

/**
 * The statement list entry to insert before. Paths found by the analysis may be stale once an earlier
 * edit wrapped an arrow body or an `if` branch in a block, so the node is looked up again first.
 */
function getStatement(state: ConversionState, target: HoistTarget): ASTPath {
  const { j } = state;
  if (target.kind === 'arrow-body') return wrapArrowBody(j, findCurrentPath(state, target.arrow));
  return ensureInStatementList(j, findCurrentPath(state, target.statement));
}

function findCurrentPath(state: ConversionState, path: ASTPath): ASTPath {
  const { j, root } = state;
  return (findNodes(root, j.Node).paths() as ASTPath[]).find((p) => p.node === path.node) ?? path;
}

/** The URL to repeat in getBody()'s error and for `res.url`: the literal, a const name, or a new const. */
function getUrlText(
  state: ConversionState,
  plan: SyncRequestPlan,
  declaration: ASTPath,
): { request: string; reference: string } {
  const { j, root } = state;
  const url = plan.url as unknown as { type: string; name?: string };
  if (
    !plan.qs &&
    (readStringLiteral(plan.url) !== null ||
      (url.type === 'Identifier' && isNeverReassigned(j, root, declaration, url.name ?? '')))
  ) {
    const text = printNode(state, plan.url);
    return { request: text, reference: text };
  }
  const name = getLocalUniqueName(j, root, declaration, 'url');
  declaration.insertBefore(buildStatement(state, `const ${name} = ${buildUrlText(state, plan)};`));
  return { request: name, reference: name };
}

function applyStored(
  state: ConversionState,
  plan: SyncRequestPlan,
  name: string,
  uses: ResponseUse[],
  declaration: ASTPath,
  setInit: (init: ASTNode) => void,
): void {
  const { j, root } = state;
  const needsBody = uses.some((u) => u.kind === 'body' || u.kind === 'getBody');
  const needsUrl = uses.some((u) => u.kind === 'url' || u.kind === 'getBody');
  const url = needsUrl ? getUrlText(state, plan, declaration) : { request: buildUrlText(state, plan), reference: '' };
  const bodyName = needsBody ? getLocalUniqueName(j, root, declaration, `${name}Body`) : '';
  const checked = new Set<ASTNode>();
  for (const use of uses) {
    if (use.kind === 'body') replaceBodyRead(state, use.member, bodyName, null);
    if (use.kind === 'url') replaceNode(state, use.member, buildExpression(state, url.reference));
    if (use.kind === 'isError') replaceNode(state, use.call, buildExpression(state, `${name}.statusCode >= 400`));
    if (use.kind === 'getBody') {
      const target = getStatement(state, use.target);
      replaceBodyRead(state, use.call, bodyName, use.encoding);
      if (!isCheckedBefore(target, checked)) {
        const check = buildStatusCheck(state, name, bodyName, url.reference);
        checked.add(check);
        target.insertBefore(check);
      }
    }
  }
  setInit(buildRequestAwait(state, plan, url.request));
  declaration.insertAfter(
    needsBody ? buildBodyRead(state, `${name}.body`, bodyName) : buildBodyDump(state, `${name}.body`),
  );
}

/**
 * `res.body` / `res.getBody(enc)` → the body read once. sync-request types both as `Buffer | string`,
 * so TypeScript code casts them (`res.body as string`); the body is now a Buffer, whose cast to
 * string does not compile (TS2352) and was a Buffer at run time anyway: the cast becomes
 * `.toString()`, the text the code meant to read.
 */
function replaceBodyRead(state: ConversionState, path: ASTPath, bodyName: string, encoding: string | null): void {
  const current = findCurrentPath(state, path);
  const parent = current.parent as ASTPath | null;
  const cast = parent?.node as { type: string; typeAnnotation?: { type: string } } | undefined;
  const castToString =
    cast !== undefined &&
    (cast.type === 'TSAsExpression' || cast.type === 'TSTypeAssertion') &&
    cast.typeAnnotation?.type === 'TSStringKeyword';
  const text =
    encoding !== null || castToString
      ? `${bodyName}.toString(${encoding === null ? '' : quoteString(state, encoding)})`
      : bodyName;
  (castToString && parent ? parent : current).replace(buildExpression(state, text));
}

/**
 * Replaces the node found at `path` when the analysis ran; its path may be stale since an arrow body it
 * sat in was wrapped in a block, so the node is looked up again.
 */
function replaceNode(state: ConversionState, path: ASTPath, replacement: ASTNode): void {
  findCurrentPath(state, path).replace(replacement);
}

/** A status check this conversion already placed earlier in the same statement list runs first. */
function isCheckedBefore(target: ASTPath, checked: Set<ASTNode>): boolean {
  const list = target.parentPath?.value as unknown[] | undefined;
  if (!Array.isArray(list) || typeof target.name !== 'number') return false;
  return list.slice(0, target.name).some((node) => checked.has(node as ASTNode));
}

function applyDestructured(
  state: ConversionState,
  plan: SyncRequestPlan,
  declarator: ASTPath,
  declaration: ASTPath,
): void {
  const { j, root } = state;
  const pattern = (
    declarator.node as unknown as { id: { properties: { key: { name: string }; value: { name: string } }[] } }
  ).id;
  const stream = getLocalUniqueName(j, root, declaration, 'responseBody');
  const kind = (declaration.node as unknown as { kind: string }).kind;
  const bodyLocal = pattern.properties.find((p) => p.key.name === 'body')?.value.name ?? null;
  const names = pattern.properties
    .filter((p) => p.key.name !== 'body')
    .map((p) => (p.key.name === p.value.name ? p.key.name : `${p.key.name}: ${p.value.name}`));
  // `const { statusCode, body: responseBody } = …`: undici's body is a stream, the user's `body` a Buffer
  const text = `const { ${[...names, `body: ${stream}`].join(', ')} } = x;`;
  const rebuilt = buildStatement(state, text) as unknown as { declarations: { id: unknown }[] };
  (declarator.node as unknown as { id: unknown }).id = rebuilt.declarations[0].id;
  (declarator.node as unknown as { init: ASTNode }).init = buildRequestAwait(state, plan, buildUrlText(state, plan));
  declaration.insertAfter(bodyLocal ? buildBodyRead(state, stream, bodyLocal, kind) : buildBodyDump(state, stream));
}
