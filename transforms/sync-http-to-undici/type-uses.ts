/**
 * Types of sync-request / sync-fetch used in TypeScript (`method: request.HttpVerb`). They never stop a
 * call's conversion. Once the calls moved to undici, a type with an undici counterpart is rewritten to it
 * (`Dispatcher.HttpMethod`, imported with `import type`), so the old import can go; any other keeps the
 * import, with a diagnostic that says what to write instead.
 */
import type { ASTPath, Collection } from 'jscodeshift';
import { ensureNamedImports, insertAfterImports } from '../shared/modules';
import type { TransformContext } from '../shared/types';
import { findNodes } from '../../source/tree-walk';
import type { HttpUses } from './find-http-calls';

/** undici's counterparts of the libraries' types: member → [undici export, member of it]. */
const counterparts: Record<string, [string, string]> = { HttpVerb: ['Dispatcher', 'HttpMethod'] };

type TypeUse = HttpUses['typeUses'][number];

function getMember(use: TypeUse): string | undefined {
  const parent = use.path.parent?.node as { type: string; right?: { name?: string } } | undefined;
  return parent?.type === 'TSQualifiedName' ? parent.right?.name : undefined;
}

/** What a rewritten type names until the import is in place (no identifier in a file is written so). */
const placeholder = (name: string) => `__awaitify_type_${name}`;

/**
 * Rewrites the type uses that have a counterpart to a placeholder (so the old import counts as unused);
 * returns the ones left as they were, and the undici names they need (importTypes puts them in place).
 */
export function rewriteTypeUses(context: TransformContext, uses: TypeUse[]): { left: TypeUse[]; names: string[] } {
  const { j } = context;
  const left: TypeUse[] = [];
  const names = new Set<string>();
  for (const use of uses) {
    const counterpart = counterparts[getMember(use) ?? ''];
    if (!counterpart) {
      left.push(use);
      continue;
    }
    const [name, member] = counterpart;
    (use.path.parent as ASTPath).replace(j.tsQualifiedName(j.identifier(placeholder(name)), j.identifier(member)));
    names.add(name);
  }
  return { left, names: [...names] };
}

/**
 * Imports the undici names the rewritten types use: into the file's undici import in an ES module
 * (`Dispatcher` is a class undici exports, so a value import holds its namespace types too), or as
 * `import type` in a file that requires undici; then the placeholders get the local names.
 */
export function importTypes(context: TransformContext, root: Collection, names: string[]): void {
  if (names.length === 0) return;
  const { j } = context;
  const locals: Record<string, string> = context.isModule
    ? ensureNamedImports(j, root, 'undici', names, true)
    : Object.fromEntries(names.map((name) => [name, name]));
  if (!context.isModule) {
    const declaration = j.importDeclaration(
      names.map((name) => j.importSpecifier(j.identifier(name))),
      j.stringLiteral('undici'),
    );
    Object.assign(declaration, { importKind: 'type' });
    insertAfterImports((root.get().node as { program: { body: unknown[] } }).program.body, declaration);
  }
  for (const name of names) {
    findNodes(root, j.Identifier, { name: placeholder(name) }).forEach((path) => {
      path.node.name = locals[name];
    });
  }
}

export function reportTypeUses(context: TransformContext, uses: TypeUse[]): void {
  for (const use of uses) {
    const member = getMember(use);
    const counterpart = counterparts[member ?? ''];
    const written = member ? `${String((use.path.node as { name?: string }).name)}.${member}` : 'This type';
    context.report({
      code: 'HTTP_TYPE_USE',
      node: use.path,
      message:
        `${written} is a ${use.library} type, so the import stays for it (TypeScript erases it at run time). ` +
        (counterpart
          ? `undici's counterpart is \`${counterpart.join('.')}\` (\`import type { ${counterpart[0]} } from 'undici'\`)`
          : `undici has no counterpart: declare the type yourself, then remove the import`),
    });
  }
}
