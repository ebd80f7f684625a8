/**
 * A CommonJS entry script whose top level now calls an async function must await it: its statements
 * go into an async main, or its lone `main();` becomes `main().catch(…)`.
 */
import { ts } from 'ts-morph';
import type { EntryRecord } from '../propagation-records';
import { isFunctionWithBody } from '../syntax';
import type { FilePlan } from '../types';

/** A file whose only top-level async call is `main();` gets `main().catch(…)`; others a wrapping main. */
export function addEntryScripts(entries: EntryRecord[], filePlan: (node: ts.Node) => FilePlan): Set<ts.CallExpression> {
  const mainCatchCalls = new Set<ts.CallExpression>();
  const byFile = new Map<ts.SourceFile, EntryRecord[]>();
  for (const entry of entries) byFile.set(entry.file, [...(byFile.get(entry.file) ?? []), entry]);
  for (const [file, records] of byFile) {
    const calls = new Set(records.map((r) => r.call));
    const only = records[0];
    const isLoneMain =
      calls.size === 1 &&
      ts.isExpressionStatement(only.call.parent) &&
      only.call.parent.parent === file &&
      only.call.arguments.length === 0 &&
      ts.isIdentifier(only.call.expression) &&
      ts.isFunctionDeclaration(only.callee) &&
      only.callee.parent === file &&
      file.statements.every((s) => s === only.call.parent || !containsCall(s));
    if (isLoneMain) mainCatchCalls.add(only.call);
    filePlan(file.statements[0] ?? file).entryScript = isLoneMain ? 'main-catch' : 'main';
  }
  return mainCatchCalls;
}

/** Whether a top-level statement runs a call when the module loads (declarations and imports do not). */
function containsCall(statement: ts.Statement): boolean {
  if (ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement) || ts.isImportDeclaration(statement))
    return false;
  if (ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement)) return false;
  let found = false;
  const visit = (node: ts.Node): void => {
    if (found || isFunctionWithBody(node)) return;
    if (ts.isCallExpression(node) && !(ts.isIdentifier(node.expression) && node.expression.text === 'require'))
      found = true;
    else ts.forEachChild(node, visit);
  };
  visit(statement);
  return found;
}
