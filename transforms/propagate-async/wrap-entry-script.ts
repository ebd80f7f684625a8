/**
 * A CommonJS entry script whose top level must await. Its statements after the imports move into an
 * async `main` whose rejection is reported and sets a non-zero exit code:
 *
 *   const db = require('./db');          const db = require('./db');
 *   console.log(db.count());       →     async function main() { console.log(await db.count()); }
 *                                         main().catch((error) => { console.error(error); process.exitCode = 1; });
 *
 * A script that only calls its own `main();` keeps it and gets the `.catch(…)`.
 */
import type { Collection, JSCodeshift } from 'jscodeshift';
import type { ExpressionKind, StatementKind } from 'ast-types/lib/gen/kinds';
import { getUniqueName } from '../shared/modules';

interface StatementNode {
  type: string;
  declarations?: { init?: { type: string; callee?: { type: string; name?: string } } | null }[];
  expression?: { type: string; callee?: { type: string; name?: string }; arguments?: unknown[] };
}

function isImportLike(statement: StatementNode): boolean {
  if (statement.type === 'ImportDeclaration' || statement.type === 'TSImportEqualsDeclaration') return true;
  return (
    statement.type === 'VariableDeclaration' &&
    (statement.declarations ?? []).every((d) => d.init?.type === 'CallExpression' && d.init.callee?.name === 'require')
  );
}

function buildCatchCall(j: JSCodeshift, call: ExpressionKind): StatementKind {
  const handler = j.arrowFunctionExpression(
    [j.identifier('error')],
    j.blockStatement([
      j.expressionStatement(
        j.callExpression(j.memberExpression(j.identifier('console'), j.identifier('error')), [j.identifier('error')]),
      ),
      j.expressionStatement(
        j.assignmentExpression(
          '=',
          j.memberExpression(j.identifier('process'), j.identifier('exitCode')),
          j.numericLiteral(1),
        ),
      ),
    ]),
  );
  return j.expressionStatement(j.callExpression(j.memberExpression(call, j.identifier('catch')), [handler]));
}

interface DirectiveNode {
  value: { value: string };
  comments?: unknown;
}

/**
 * recast reprints a Program whose body changed length from scratch and then prints a directive's
 * own semicolon twice (`'use strict';;`); as a statement it prints once and means the same.
 */
function moveDirectivesIntoBody(
  j: JSCodeshift,
  program: { body: StatementKind[]; directives?: DirectiveNode[] },
): void {
  const directives = program.directives ?? [];
  if (directives.length === 0) return;
  const statements = directives.map((d) => {
    const statement = j.expressionStatement(j.stringLiteral(d.value.value));
    (statement as { comments?: unknown }).comments = d.comments;
    return statement;
  });
  program.directives = [];
  program.body.unshift(...statements);
}

export function wrapInMain(j: JSCodeshift, root: Collection): boolean {
  const program = root.get().node.program as { body: StatementKind[] };
  let split = 0;
  while (split < program.body.length && isImportLike(program.body[split] as unknown as StatementNode)) split += 1;
  if (split === program.body.length) return false;
  const name = getUniqueName(j, root, 'main');
  const main = j.functionDeclaration(j.identifier(name), [], j.blockStatement(program.body.slice(split)));
  main.async = true;
  program.body.splice(
    split,
    program.body.length - split,
    main,
    buildCatchCall(j, j.callExpression(j.identifier(name), [])),
  );
  moveDirectivesIntoBody(j, program);
  return true;
}

/** `main();` at top level → `main().catch(…)`. */
export function addCatchToMainCall(j: JSCodeshift, root: Collection): boolean {
  const program = root.get().node.program as { body: StatementKind[] };
  const index = program.body.findIndex((s) => {
    const statement = s as unknown as StatementNode;
    const expression = statement.expression;
    return (
      statement.type === 'ExpressionStatement' &&
      expression?.type === 'CallExpression' &&
      expression.callee?.type === 'Identifier' &&
      (expression.arguments ?? []).length === 0
    );
  });
  if (index < 0) return false;
  const statement = program.body[index] as unknown as { expression: ExpressionKind; comments?: unknown };
  const replacement = buildCatchCall(j, statement.expression) as unknown as { comments?: unknown };
  replacement.comments = statement.comments;
  program.body[index] = replacement as StatementKind;
  return true;
}
