/** What the propagation (propagate.ts) records on its walk, for the plan builder to apply. */
import type { ts } from 'ts-morph';
import type { BoundaryKind, LoopRewrite } from './site-context';
import type { FunctionEntity } from './syntax';

export interface AsyncEntry {
  entity: FunctionEntity;
  reason: string;
  /** The function whose call (or declaration) forced this one; null for a starting point. */
  via: FunctionEntity | null;
  /** A `forEach` callback turned into the body of a loop: it gets no `async` keyword. */
  inlined: boolean;
  /** Its callers are not searched (a callback of a known API, an IIFE handled at its call). */
  terminal: boolean;
}

export interface SiteRecord {
  callee: FunctionEntity;
  call: ts.CallExpression;
}

export interface RewriteRecord {
  callee: FunctionEntity;
  host: ts.CallExpression;
  kind: LoopRewrite | 'promise-all';
  /** A function passed by name to `map`: how many of map's arguments the loop passes it. */
  mapArguments?: number;
  /** A `forEach` whose receiver may not be an array (a Map, a Set): the loop iterates `.values()`. */
  iterateValues?: boolean;
}

/** A default parameter value that must await: it moves into the body (`if (x === undefined) x = …`). */
export interface MovedDefaultRecord {
  callee: FunctionEntity;
  parameter: ts.ParameterDeclaration;
}

export interface BoundaryRecord {
  callee: FunctionEntity;
  site: ts.Node;
  kind: BoundaryKind;
  what: string;
  advice: string;
}

export interface EntryRecord {
  callee: FunctionEntity;
  call: ts.CallExpression;
  file: ts.SourceFile;
}
