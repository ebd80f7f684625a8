/**
 * What a request call passes: the parts of the helper its options need, or the option that has no
 * faithful undici equivalent (refused, named, at the property that sets it). Options written as an
 * object literal are read directly; options built at runtime (`request(opts, cb)`) are traced to the
 * object literals that build them in the same function (`const opts = Object.assign({}, d, { jar })`,
 * `opts.proxy = …`), and otherwise checked by the helper when the call runs.
 */
import type { ASTNode, ASTPath, Collection, JSCodeshift } from 'jscodeshift';
import { getEnclosingFunction } from '../shared/functions';
import { getPropertyName, readStringLiteral } from '../sync-http-to-undici/static-values';
import { accept, refuse, type Planned, type Refusal } from '../sync-http-to-undici/refusal';
import { unsupportedOptions, type HelperFeature } from './helper-parts';

import { findNodes } from '../../source/tree-walk';

export interface OptionsPlan {
  features: Set<HelperFeature>;
  /** The options are (partly) built at runtime: the helper checks them when the call runs. */
  dynamic: boolean;
}

const featureOf: Readonly<Record<string, HelperFeature>> = {
  baseUrl: 'baseUrl',
  qs: 'qs',
  qsStringifyOptions: 'qs',
  qsParseOptions: 'qs',
  form: 'form',
  json: 'json',
  auth: 'auth',
  gzip: 'gzip',
  strictSSL: 'strictSSL',
  rejectUnauthorized: 'strictSSL',
  timeout: 'timeout',
  encoding: 'encoding',
};

const advice: Readonly<Record<string, string>> = {
  jar: 'undici keeps no cookies; send the Cookie header yourself (or use a cookie-jar dispatcher)',
  proxy: "use undici's ProxyAgent as the dispatcher",
  formData: 'build an undici FormData body (multipart) by hand',
  multipart: 'build the multipart body by hand',
  oauth: 'sign the request yourself (an OAuth library) and send the Authorization header',
  agentOptions: 'configure an undici Agent (connect options) and pass it as the dispatcher',
  ca: 'pass an undici Agent with connect: { ca } as the dispatcher',
  pool: 'undici pools connections itself (configure an Agent for a connection limit)',
  har: 'build the request from the HAR entry by hand',
};

const unsupported = new Set<string>(unsupportedOptions);

function refuseOption(name: string, node: ASTNode): Planned<OptionsPlan> {
  const how = advice[name] ?? 'convert this call by hand';
  return refuse(
    'REQUEST_UNSUPPORTED_OPTION',
    node,
    `request option \`${name}\` has no faithful undici equivalent: ${how}; the call is left as it was`,
  );
}

/** Checks one option property; null when it is fine. */
function checkProperty(name: string, prop: ASTNode, plan: OptionsPlan): Planned<OptionsPlan> | null {
  const value = (prop as unknown as { value?: { type: string; properties?: ASTNode[] } }).value;
  if (unsupported.has(name)) return refuseOption(name, prop);
  if (name === 'followRedirect' && value && /Function/.test(value.type)) return refuseOption(name, prop);
  if (name === 'auth' && value?.type === 'ObjectExpression') {
    const lazy = (value.properties ?? []).find((p) => getPropertyName(p) === 'sendImmediately');
    if (lazy) return refuseOption('auth.sendImmediately', lazy);
  }
  const feature = featureOf[name];
  if (feature) plan.features.add(feature);
  return null;
}

/** Reads an object literal's option keys; a spread or computed key makes the options dynamic. */
function readObject(object: ASTNode, plan: OptionsPlan): Planned<OptionsPlan> | null {
  for (const prop of (object as unknown as { properties: ASTNode[] }).properties) {
    const name = getPropertyName(prop);
    if (name === null) {
      plan.dynamic = true;
      continue;
    }
    const refusal = checkProperty(name, prop, plan);
    if (refusal) return refusal;
  }
  return null;
}

/** Object literals that build a runtime options value: the value itself, or arguments of the calls making it. */
function collectBuildingObjects(node: ASTNode | null | undefined, out: ASTNode[]): void {
  if (!node) return;
  if (node.type === 'ObjectExpression') out.push(node);
  else if (node.type === 'CallExpression') {
    for (const arg of (node as unknown as { arguments: ASTNode[] }).arguments) collectBuildingObjects(arg, out);
  } else if (node.type === 'LogicalExpression' || node.type === 'ConditionalExpression') {
    const n = node as unknown as { left?: ASTNode; right?: ASTNode; consequent?: ASTNode; alternate?: ASTNode };
    [n.left, n.right, n.consequent, n.alternate].forEach((part) => collectBuildingObjects(part, out));
  }
}

/** `opts.jar = …` (as name and assignment) and `Object.assign(opts, { … })` in the function making the call. */
function findWrites(j: JSCodeshift, call: ASTPath, name: string, objects: ASTNode[]): { key: string; node: ASTNode }[] {
  const fn = getEnclosingFunction(call);
  if (!fn) return [];
  const writes: { key: string; node: ASTNode }[] = [];
  findNodes(j(fn), j.AssignmentExpression).forEach((path) => {
    const left = path.node.left as {
      type: string;
      object?: { type: string; name?: string };
      computed?: boolean;
      property?: { type: string; name?: string };
    };
    if (left.type === 'MemberExpression' && !left.computed && left.object?.name === name && left.property?.name) {
      writes.push({ key: left.property.name, node: path.node });
    }
  });
  findNodes(j(fn), j.CallExpression).forEach((path) => {
    const args = path.node.arguments as ASTNode[];
    if (args[0]?.type === 'Identifier' && (args[0] as { name?: string }).name === name) {
      args.slice(1).forEach((arg) => collectBuildingObjects(arg, objects));
    }
  });
  return writes;
}

function isConstDeclared(call: ASTPath, name: string): boolean {
  const scope = (
    call.scope as { lookup(n: string): { getBindings(): Record<string, ASTPath[]> } | null } | null
  )?.lookup(name);
  const declaration = scope?.getBindings()[name]?.[0]?.parent?.parent?.node as { kind?: string } | undefined;
  return declaration?.kind === 'const';
}

/** The declarator that initialises identifier `name` as seen from `call`, in the same function. */
function findInitializer(call: ASTPath, name: string): ASTNode | null {
  const scope = (
    call.scope as { lookup(n: string): { getBindings(): Record<string, ASTPath[]> } | null } | null
  )?.lookup(name);
  const binding = scope?.getBindings()[name]?.[0];
  const declarator = binding?.parent?.node as { type: string; init?: ASTNode | null; id?: unknown } | undefined;
  if (!binding || declarator?.type !== 'VariableDeclarator' || declarator.id !== binding.node) return null;
  return declarator.init ?? null;
}

function readDynamic(j: JSCodeshift, call: ASTPath, arg: ASTNode, plan: OptionsPlan): Planned<OptionsPlan> | null {
  const before = plan.dynamic;
  plan.dynamic = true;
  if (arg.type !== 'Identifier') return null;
  const name = (arg as unknown as { name: string }).name;
  const objects: ASTNode[] = [];
  const init = findInitializer(call, name);
  collectBuildingObjects(init, objects);
  const writes = findWrites(j, call, name, objects);
  // `const options = { … }` written once and never changed: as good as the literal
  const literal = init?.type === 'ObjectExpression' && objects.length === 1 && writes.length === 0;
  if (literal && isConstDeclared(call, name)) plan.dynamic = before;
  for (const object of objects) {
    const refusal = readObject(object, plan);
    if (refusal) return refusal;
  }
  for (const write of writes) {
    const value = (write.node as unknown as { right: ASTNode }).right;
    const refusal = checkProperty(write.key, { type: 'ObjectProperty', value } as unknown as ASTNode, plan);
    if (refusal && !refusal.ok) return refuse(refusal.refusal.code, write.node, refusal.refusal.message);
  }
  return null;
}

const stringTypes = new Set(['StringLiteral', 'TemplateLiteral', 'BinaryExpression']);

/** `url`, `this.uri`, `endpointUrl`: a name that holds a URL string, not an options object. */
export function isUrlName(node: ASTNode): boolean {
  const n = node as unknown as { type: string; name?: string; property?: { name?: string } };
  const name = n.type === 'Identifier' ? n.name : n.type === 'MemberExpression' ? n.property?.name : undefined;
  return /(?:^|[a-z_])(?:url|uri|href)$/i.test(name ?? '');
}

/** Reads the arguments before the callback: `(uri)`, `(options)`, `(uri, options)`. */
export function readRequestOptions(j: JSCodeshift, call: ASTPath, args: ASTNode[]): Planned<OptionsPlan> {
  const plan: OptionsPlan = { features: new Set(), dynamic: false };
  if (args.length === 0 || args.length > 2 || args.some((a) => a.type === 'SpreadElement')) {
    return refuse('REQUEST_UNSUPPORTED_USE', call.node, 'the call does not have the form request(uri[, options])');
  }
  for (const [index, arg] of args.entries()) {
    if (arg.type === 'ObjectExpression') {
      const refusal = readObject(arg, plan);
      if (refusal) return refusal;
    } else if (!(index === 0 && (stringTypes.has(arg.type) || isUrlName(arg)))) {
      const refusal = readDynamic(j, call, arg, plan);
      if (refusal) return refusal;
    }
  }
  if (!getUrlNodes(args).every(hasLiteralOrigin)) plan.features.add('urlAuth');
  return accept(plan);
}

/** The expressions the request URL starts with: baseUrl when given, else uri/url or the first argument. */
function getUrlNodes(args: ASTNode[]): ASTNode[] {
  const props = args.flatMap((arg) =>
    arg.type === 'ObjectExpression' ? (arg as unknown as { properties: ASTNode[] }).properties : [],
  );
  const valueOf = (name: string) =>
    props.filter((p) => getPropertyName(p) === name).map((p) => (p as unknown as { value: ASTNode }).value);
  const base = valueOf('baseUrl');
  if (base.length > 0) return base;
  const first = args[0]?.type === 'ObjectExpression' ? [] : args.slice(0, 1);
  return [...first, ...valueOf('uri'), ...valueOf('url')];
}

/**
 * Whether the URL's text starts with a whole origin written out (`'https://api.example.com/' + id`), so
 * it cannot carry `user:pass@` (request sent those as Basic auth; the helper must then do it too).
 */
function hasLiteralOrigin(node: ASTNode): boolean {
  const whole = readStringLiteral(node);
  if (whole !== null) return !whole.includes('@');
  let first: unknown = node;
  for (;;) {
    const n = first as { type: string; left?: unknown; operator?: string };
    if (n.type !== 'BinaryExpression' || n.operator !== '+') break;
    first = n.left;
  }
  const n = first as { type: string; value?: unknown; quasis?: { value: { cooked?: string | null } }[] };
  const text =
    typeof n.value === 'string' ? n.value : n.type === 'TemplateLiteral' ? n.quasis?.[0]?.value.cooked : null;
  return typeof text === 'string' && /^[a-z][a-z\d+.-]*:\/\/[^/@?#]+[/?#]/i.test(text);
}

/** Option names no other library uses by chance: set anywhere in the file, they are meant for request. */
const distinctive = new Set(['jar', 'proxy', 'oauth', 'agentOptions', 'formData', 'multipart', 'har', 'hawk', 'ca']);

/**
 * For options that cannot be traced (request passed on as a value, options from elsewhere): the first
 * place in the file that sets an option only request reads and undici cannot honour (`{ oauth: … }`,
 * `this.baseOptions.ca = …`), refused there rather than left to throw when the call runs.
 */
export function findUntraceableRefusal(j: JSCodeshift, root: Collection): Refusal | null {
  const found: { name: string; node: ASTNode }[] = [];
  // `client.oauth = new OAuth(client)` names an API section, not an option: options hold plain values
  const check = (name: string | null, node: ASTNode, value: unknown) => {
    const type = (value as { type?: string } | null)?.type ?? '';
    if (name !== null && distinctive.has(name) && !/^New|Function|Class/.test(type)) found.push({ name, node });
  };
  const property = (path: ASTPath) =>
    check(getPropertyName(path.node), path.node, (path.node as { value?: unknown }).value);
  findNodes(root, j.Property).forEach(property);
  findNodes(root, j.ObjectProperty).forEach(property);
  findNodes(root, j.AssignmentExpression).forEach((path) => {
    const left = path.node.left as { type: string; computed?: boolean; property?: { type: string; name?: string } };
    if (left.type === 'MemberExpression' && !left.computed)
      check(left.property?.name ?? null, path.node, path.node.right);
  });
  if (found.length === 0) return null;
  found.sort((a, b) => ((a.node as { start?: number }).start ?? 0) - ((b.node as { start?: number }).start ?? 0));
  const first = refuseOption(found[0].name, found[0].node);
  const others = [...new Set(found.map((f) => f.name))].filter((name) => name !== found[0].name);
  if (first.ok) return null;
  const also = others.length > 0 ? ` (the file also sets ${others.map((o) => `\`${o}\``).join(', ')})` : '';
  return { ...first.refusal, message: first.refusal.message.replace(/:/, `${also}:`) };
}
