import { ts } from 'ts-morph';
import type { FunctionEntity } from '../syntax';

/** Which declarations a module exports (its public API), to flag signature changes. */
export class ExportedDeclarations {
  private readonly byFile = new Map<ts.SourceFile, Set<ts.Node>>();
  constructor(private readonly checker: ts.TypeChecker) {}

  has(entity: FunctionEntity): boolean {
    const declarations = this.get(entity.getSourceFile());
    const owner = entity.parent;
    return (
      declarations.has(entity) ||
      declarations.has(owner) ||
      (ts.isClassLike(owner) && declarations.has(owner)) ||
      (ts.isBinaryExpression(owner) && /^(module\.)?exports\b/.test(owner.left.getText()))
    );
  }

  private get(file: ts.SourceFile): Set<ts.Node> {
    const known = this.byFile.get(file);
    if (known) return known;
    const found = new Set<ts.Node>();
    const moduleSymbol = this.checker.getSymbolAtLocation(file);
    for (const symbol of moduleSymbol ? this.checker.getExportsOfModule(moduleSymbol) : []) {
      const target = symbol.flags & ts.SymbolFlags.Alias ? this.checker.getAliasedSymbol(symbol) : symbol;
      for (const declaration of target.declarations ?? []) {
        found.add(declaration);
        if (ts.isShorthandPropertyAssignment(declaration)) {
          const value = this.checker.getShorthandAssignmentValueSymbol(declaration);
          value?.declarations?.forEach((d) => found.add(d));
        }
        if (ts.isPropertyAssignment(declaration)) found.add(declaration.initializer);
      }
    }
    this.addCommonJsExports(file, found);
    this.byFile.set(file, found);
    return found;
  }

  /**
   * `module.exports = { a, b: c }`, `module.exports = fn`, `exports.x = …`: the checker does not list
   * these as a JavaScript module's exports when the object is assigned whole, so read them from the
   * top-level assignments.
   */
  private addCommonJsExports(file: ts.SourceFile, found: Set<ts.Node>): void {
    const addValue = (value: ts.Expression) => {
      if (ts.isFunctionExpression(value) || ts.isArrowFunction(value) || ts.isClassExpression(value)) found.add(value);
      if (ts.isIdentifier(value)) this.checker.getSymbolAtLocation(value)?.declarations?.forEach((d) => found.add(d));
    };
    for (const statement of file.statements) {
      if (!ts.isExpressionStatement(statement) || !ts.isBinaryExpression(statement.expression)) continue;
      const { left, operatorToken, right } = statement.expression;
      if (operatorToken.kind !== ts.SyntaxKind.EqualsToken) continue;
      const target = left.getText();
      if (target === 'module.exports' && ts.isObjectLiteralExpression(right)) {
        for (const property of right.properties) {
          if (ts.isShorthandPropertyAssignment(property)) {
            this.checker.getShorthandAssignmentValueSymbol(property)?.declarations?.forEach((d) => found.add(d));
          } else if (ts.isPropertyAssignment(property)) {
            addValue(property.initializer);
          } else if (ts.isMethodDeclaration(property)) {
            found.add(property);
          }
        }
      } else if (/^(module\.)?exports(\.[\w$]+)?$/.test(target)) {
        addValue(right);
      }
    }
  }
}
