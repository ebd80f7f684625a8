/**
 * `request.defaults(options)` bound to a const whose every use is a call: the wrapper becomes a function
 * of the helper with the defaults as its third argument (deep-merged under each call's options, as
 * request merged them), evaluated once where request.defaults evaluated them:
 *   const api = request.defaults({ baseUrl, json: true });
 *   api.get('/users', cb);
 * →
 *   const apiDefaults = { baseUrl, json: true };
 *   const api = (uri, options) => sendRequest(uri, options, apiDefaults);
 *   api('/users').then((response) => cb(null, response, response.body), cb);
 */
import type { ASTNode, ASTPath } from 'jscodeshift';
import { getLocalUniqueName } from '../shared/local-name';
import { buildExpression, buildStatement, printNode } from '../sync-http-to-undici/conversion-state';
import { accept, type Planned } from '../sync-http-to-undici/refusal';
import type { RequestUse } from './find-request-uses';
import { placeholders } from './placeholders';
import { readRequestOptions, type OptionsPlan } from './read-request-options';
import type { RequestState } from './request-state';

export function convertDefaults(state: RequestState, use: RequestUse & { kind: 'defaults' }): Planned<OptionsPlan> {
  const { j, root } = state;
  const init = use.declarator.get('init') as ASTPath;
  const plan = use.options
    ? readRequestOptions(j, init, [use.options])
    : accept<OptionsPlan>({ features: new Set(), dynamic: false });
  if (!plan.ok) return plan;
  const declarator = use.declarator.node as unknown as { id: { name: string }; init: ASTNode };
  const declaration = use.declarator.parent as ASTPath;
  const name = getLocalUniqueName(j, root, declaration, `${declarator.id.name}Defaults`);
  declaration.insertBefore(
    buildStatement(state, `const ${name} = ${use.options ? printNode(state, use.options) : '{}'};`),
  );
  const helper = use.library === 'request' ? placeholders.sendRequest : placeholders.sendRequestPromise;
  const params = state.context.isTypeScript ? 'uri: any, options?: any' : 'uri, options';
  declarator.init = buildExpression(state, `(${params}) => ${helper}(uri, options, ${name})`);
  state.needs.features.add('defaults');
  if (use.library === 'request') state.needs.sendRequest = true;
  else state.needs.sendRequestPromise = true;
  return plan;
}
