/**
 * Methods that must change together: an interface or abstract member and every implementation, a base
 * method and its overrides. When one becomes async, a call through the other type would otherwise get
 * a promise it does not expect (and TypeScript would reject the implementation).
 */
import { ts } from 'ts-morph';
import type { CallIndex } from './call-index';
import { isFunctionWithBody, type FunctionEntity } from './syntax';

type Owner = ts.ClassLikeDeclaration | ts.InterfaceDeclaration;

function getMemberName(member: ts.Node): string | null {
  const name = (member as { name?: ts.PropertyName }).name;
  return name && (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isPrivateIdentifier(name)) ? name.text : null;
}

/** The member of `owner` named `name` as a function entity (a method, or a field holding an arrow). */
function getOwnMember(owner: Owner, name: string): FunctionEntity | null {
  for (const member of owner.members as ts.NodeArray<ts.Node>) {
    if (getMemberName(member) !== name) continue;
    if (ts.isMethodDeclaration(member) || ts.isMethodSignature(member)) return member;
    if (ts.isPropertySignature(member) && member.type && ts.isFunctionTypeNode(member.type)) return member;
    if (ts.isPropertyDeclaration(member) && member.initializer && isFunctionWithBody(member.initializer))
      return member.initializer;
  }
  return null;
}

/** The class or interface a member entity belongs to, and its name. */
function getOwner(entity: FunctionEntity): { owner: Owner; name: string } | null {
  const holder = ts.isPropertyDeclaration(entity.parent) ? entity.parent : entity;
  const owner = holder.parent;
  const name = getMemberName(holder);
  if (!name || !owner || !(ts.isClassLike(owner) || ts.isInterfaceDeclaration(owner))) return null;
  return { owner, name };
}

/** Members named `name` that `owner`'s heritage clauses declare (inherited ones included). */
function findInheritedMembers(owner: Owner, name: string, checker: ts.TypeChecker): FunctionEntity[] {
  const heritages = (owner.heritageClauses ?? []).flatMap((clause) => [...clause.types]);
  // the heritage node gives the instance type (`extends Base`), its expression the constructor's
  const declarations = heritages.flatMap((h) => checker.getTypeAtLocation(h).getProperty(name)?.declarations ?? []);
  const found: FunctionEntity[] = [];
  for (const declaration of declarations) {
    const parent = declaration.parent;
    const member = ts.isClassLike(parent) || ts.isInterfaceDeclaration(parent) ? getOwnMember(parent, name) : null;
    if (member) found.push(member);
  }
  return found;
}

/**
 * `const store: Store = { get(id) {…} }`: the interface member an object literal's method fills in
 * (calls through `Store` resolve to that member, not to the method).
 */
function findContextualMembers(entity: FunctionEntity, checker: ts.TypeChecker): FunctionEntity[] {
  const holder = ts.isPropertyAssignment(entity.parent) ? entity.parent : entity;
  const literal = holder.parent;
  const name = getMemberName(holder);
  if (!name || !literal || !ts.isObjectLiteralExpression(literal)) return [];
  const property = checker.getContextualType(literal)?.getProperty(name);
  const found: FunctionEntity[] = [];
  for (const declaration of property?.declarations ?? []) {
    const owner = declaration.parent;
    if (owner && (ts.isInterfaceDeclaration(owner) || ts.isClassLike(owner) || ts.isTypeLiteralNode(owner))) {
      if (ts.isMethodSignature(declaration)) found.push(declaration);
      if (ts.isPropertySignature(declaration) && declaration.type && ts.isFunctionTypeNode(declaration.type))
        found.push(declaration);
    }
  }
  return found;
}

/** Every member tied to `entity` by implements/extends (either direction) or by an object literal's type. */
export function findRelatedMembers(
  entity: FunctionEntity,
  checker: ts.TypeChecker,
  index: CallIndex,
): FunctionEntity[] {
  const own = getOwner(entity);
  if (!own) return findContextualMembers(entity, checker);
  const related = new Set<FunctionEntity>(findInheritedMembers(own.owner, own.name, checker));
  for (const candidate of index.heritageTypes) {
    if (candidate === own.owner) continue;
    const member = getOwnMember(candidate, own.name);
    if (member && findInheritedMembers(candidate, own.name, checker).includes(entity)) related.add(member);
  }
  related.delete(entity);
  return [...related];
}
