/**
 * The walk from the starting points up through their callers to a fixpoint. It records, without
 * deciding what to apply yet: every function that must become async and which call forced it, every
 * call to await, every callback rewrite, every boundary reached, and the edges "callee → what its
 * change forces", from which plan-async works out which starting points reach a boundary.
 */
import { ts } from 'ts-morph';
import type { CallIndex, ValueReference } from './call-index';
import { countMapArguments } from './map-loop';
import { classifyContainer, findEnclosingParameter } from './call-sites';
import { classifyUse } from './call-use';
import { classifyFunctionValue, isKnownArrayCall } from './callback-sites';
import { mapAdvice, type CallbackRewrite, type ClassifyOptions } from './site-context';
import { findRelatedMembers } from './dispatch';
import { findEscape } from './escapes';
import type {
  AsyncEntry,
  BoundaryRecord,
  EntryRecord,
  MovedDefaultRecord,
  RewriteRecord,
  SiteRecord,
} from './propagation-records';
import type { ModuleKinds } from './module-kind';
import { describeFunction, formatLocation, getContainer, type FunctionEntity } from './syntax';

type Forced = FunctionEntity | BoundaryRecord | EntryRecord;

export class Propagation {
  readonly entries = new Map<FunctionEntity, AsyncEntry>();
  readonly awaits: SiteRecord[] = [];
  readonly rewrites: RewriteRecord[] = [];
  readonly movedDefaults: MovedDefaultRecord[] = [];
  readonly boundaries: BoundaryRecord[] = [];
  readonly entryCalls: EntryRecord[] = [];
  /** callee → what its becoming async forces (callers, related members, boundaries, entry scripts). */
  readonly forces = new Map<Forced, Set<Forced>>();
  private readonly queue: FunctionEntity[] = [];
  private readonly pendingStartValues: (ts.FunctionExpression | ts.ArrowFunction)[] = [];

  constructor(
    private readonly checker: ts.TypeChecker,
    private readonly index: CallIndex,
    private readonly moduleKinds: ModuleKinds,
    private readonly cwd: string,
    private readonly options: ClassifyOptions = { parallelMap: false },
  ) {}

  addStart(entity: FunctionEntity, reason: string): void {
    if (this.entries.has(entity)) return;
    this.add({ entity, reason, via: null, inlined: false, terminal: false });
    if (ts.isFunctionExpression(entity) || ts.isArrowFunction(entity)) this.pendingStartValues.push(entity);
  }

  /**
   * A start that is itself a callback (a per-file transform put an `await` into `arr.map(x => …)` or
   * a `setTimeout` callback): its host call changes, or the chain is at a boundary already.
   */
  private handleStartValue(fn: ts.FunctionExpression | ts.ArrowFunction): void {
    const context = classifyFunctionValue(fn, this.checker, this.options);
    if (context.kind === 'boundary') {
      this.addBoundary({ callee: fn, site: fn, kind: context.boundary, what: context.what, advice: context.advice });
    } else if (context.kind === 'iife') {
      this.handleCall(fn, context.host, false);
    } else if (context.kind === 'callback' && context.rewrite !== 'none') {
      const loop = context.rewrite !== 'promise-all';
      const entry = this.entries.get(fn);
      if (entry && loop) entry.inlined = true;
      this.addRewrite({ callee: fn, host: context.host, kind: context.rewrite });
      this.handleCall(fn, context.host, loop);
    }
  }

  run(): void {
    for (const fn of this.pendingStartValues.splice(0)) this.handleStartValue(fn);
    while (this.queue.length > 0) {
      const entity = this.queue.shift() as FunctionEntity;
      const entry = this.entries.get(entity) as AsyncEntry;
      const escape = findEscape(entity, this.checker, this.index);
      if (escape) {
        // its callers are not in the code: they would get a promise where they use a value
        this.addBoundary({ callee: entity, ...escape });
        continue;
      }
      for (const member of findRelatedMembers(entity, this.checker, this.index)) {
        if (member.getSourceFile().isDeclarationFile) {
          this.addLibraryMemberBoundary(entity, member);
          continue;
        }
        this.force(entity, member);
        this.add({
          entity: member,
          reason: `shares the signature of ${this.label(entity)}`,
          via: entity,
          inlined: false,
          terminal: false,
        });
      }
      if (entry.terminal) continue;
      for (const call of this.index.findCallsTo(entity)) this.handleCall(entity, call, false);
      for (const reference of this.index.findReferencesTo(entity)) this.handleReference(entity, reference);
    }
  }

  private addRewrite(record: RewriteRecord): void {
    const iterateValues = record.kind === 'for-of' && !isKnownArrayCall(record.host, this.checker);
    this.rewrites.push(iterateValues ? { ...record, iterateValues } : record);
  }

  private add(entry: AsyncEntry): void {
    if (this.entries.has(entry.entity)) return;
    this.entries.set(entry.entity, entry);
    this.queue.push(entry.entity);
  }

  private force(from: Forced, to: Forced): void {
    const set = this.forces.get(from);
    if (set) set.add(to);
    else this.forces.set(from, new Set([to]));
  }

  label(entity: ts.Node): string {
    return `${describeFunction(entity)} (${formatLocation(entity, this.cwd)})`;
  }

  /** `call` now returns a promise because `callee` became async; `loopHost`: a forEach turned into a loop. */
  private handleCall(callee: FunctionEntity, call: ts.CallExpression, loopHost: boolean): void {
    const use = classifyUse(call);
    if (use === 'awaited' || use === 'promise') return;
    const container = getContainer(call);
    const context = classifyContainer(container, call, this.checker, this.options);
    const reason = `calls ${describeFunction(callee)} (${formatLocation(call, this.cwd)})`;
    // what a callback that becomes a loop body returns is what the loop uses: it must be awaited there
    const inlinedReturn =
      use === 'return' &&
      context.kind === 'callback' &&
      (context.rewrite === 'for-of' || context.rewrite === 'map-loop');
    const needsAwait = (use === 'value' || inlinedReturn) && !loopHost;
    if (needsAwait && context.kind !== 'boundary' && context.kind !== 'top-level') {
      this.awaits.push({ callee, call });
      const parameter = findEnclosingParameter(call, container);
      if (parameter) this.movedDefaults.push({ callee, parameter });
    }
    switch (context.kind) {
      case 'boundary':
        this.addBoundary({ callee, site: call, kind: context.boundary, what: context.what, advice: context.advice });
        return;
      case 'async-already':
        return;
      case 'function':
        this.force(callee, context.fn);
        this.add({ entity: context.fn, reason, via: callee, inlined: false, terminal: false });
        return;
      case 'iife':
        this.force(callee, context.fn);
        this.add({ entity: context.fn, reason, via: callee, inlined: false, terminal: true });
        this.handleCall(context.fn, context.host, false);
        return;
      case 'callback':
        this.handleCallback(callee, context.fn, context.host, context.rewrite, reason);
        return;
      case 'top-level':
        this.handleTopLevel(callee, call, context.file, needsAwait);
        return;
    }
  }

  private handleCallback(
    callee: FunctionEntity,
    fn: ts.FunctionLikeDeclaration,
    host: ts.CallExpression,
    rewrite: CallbackRewrite,
    reason: string,
  ): void {
    const loop = rewrite === 'for-of' || rewrite === 'map-loop';
    this.force(callee, fn);
    this.add({ entity: fn, reason, via: callee, inlined: loop, terminal: true });
    if (rewrite === 'none') return;
    this.addRewrite({ callee: fn, host, kind: rewrite });
    this.handleCall(fn, host, loop);
  }

  private handleTopLevel(
    callee: FunctionEntity,
    call: ts.CallExpression,
    file: ts.SourceFile,
    needsAwait: boolean,
  ): void {
    const kind = this.moduleKinds.get(file.fileName);
    if (kind === 'esm') {
      if (needsAwait) this.awaits.push({ callee, call });
      return;
    }
    if (kind === 'cjs-entry') {
      if (needsAwait) this.awaits.push({ callee, call });
      const record: EntryRecord = { callee, call, file };
      this.entryCalls.push(record);
      this.force(callee, record);
      return;
    }
    this.addBoundary({
      callee,
      site: call,
      kind: 'module-top-level',
      what: "a CommonJS module's top level (the module is imported or has exports, so it cannot wait)",
      advice: 'export an async init function and await it from the entry point',
    });
  }

  /**
   * A function passed as a value: `Promise.all(urls.map(fetchFile))` and `.then(fetchFile)` take its
   * promises as they are; `urls.map(fetchFile)` and any other API taking it are boundaries.
   */
  private handleReference(callee: FunctionEntity, reference: ValueReference): void {
    const host = reference.call;
    const name = ts.isPropertyAccessExpression(host.expression) ? host.expression.name.text : null;
    if (name === 'then' || name === 'catch' || name === 'finally') return;
    if (name === 'map' && host.arguments[0] === reference.node) {
      if (classifyUse(host) === 'promise') return;
      if (this.options.parallelMap) {
        this.rewrites.push({ callee, host, kind: 'promise-all' });
        this.handleCall(callee, host, false);
        return;
      }
      const mapArguments = countMapArguments(callee, reference.node, host);
      if (mapArguments !== null) {
        this.rewrites.push({ callee, host, kind: 'map-loop', mapArguments });
        this.handleCall(callee, host, true);
        return;
      }
      this.addBoundary({
        callee,
        site: reference.node,
        kind: 'array-callback',
        what: `the callback of \`${host.expression.getText()}\``,
        advice: mapAdvice,
      });
      return;
    }
    this.addBoundary({
      callee,
      site: reference.node,
      kind: 'function-value',
      what: `a function value passed to \`${host.expression.getText()}\`, which may not await it`,
      advice: 'wrap it in an async callback that awaits it, if that API awaits returned promises',
    });
  }

  /** An override of a member declared by a library (`Error#toString`): its callers are not ours to change. */
  private addLibraryMemberBoundary(entity: FunctionEntity, member: FunctionEntity): void {
    const name = describeFunction(member);
    this.addBoundary({
      callee: entity,
      site: entity,
      kind: 'library-member',
      what: `an override of \`${name}\`, declared by a library whose callers expect a synchronous result`,
      advice: `keep \`${name}\` synchronous and add an async method beside it`,
    });
  }

  private addBoundary(record: BoundaryRecord): void {
    this.boundaries.push(record);
    this.force(record.callee, record);
  }
}
