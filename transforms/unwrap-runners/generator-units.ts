/**
 * Finds the generator functions that only ever run under a generator driver, and how each is driven:
 *   co(function* () {…}, a)      co.wrap(function* (x) {…})      Bluebird.coroutine(function* () {…})
 *   function* step() {…}  used only as  co(step) / co.wrap(step) / co(step()) / yield step() / yield* step()
 *   yield list.map(function* (item) {…})   (each generator object in the yielded array was run too)
 * A generator referenced anywhere else (exported, iterated, passed on) is an iterator and never touched.
 */
import type { ASTNode, ASTPath, JSCodeshift } from 'jscodeshift';
import { isFunctionLike } from '../shared/functions';
import type { StepInput } from './step';

import { findNodes } from '../../source/tree-walk';

export type DriverKind = 'co' | 'bluebird';

/** A call that drives a generator: `co(g, …args)` runs it, `co.wrap(g)` wraps it, `co(g())` runs an object. */
export interface DriverSite {
  call: ASTPath;
  role: 'run' | 'wrap' | 'run-object';
  kind: DriverKind;
}

export interface GeneratorUnit {
  fn: ASTPath;
  /** The declared name of a named generator (`function* step`, `const step = function* …`). */
  name: string | null;
  sites: DriverSite[];
  /** Yields in other units that call this one (`yield step()`, `yield* step()`). */
  yieldedBy: ASTPath[];
  /** Set when some reference is not a driver position: the generator is an iterator or escapes. */
  escapes: boolean;
  /** Why it escapes, for the diagnostic at its driver sites: `exported`, `used at line 12`, … */
  escapeReason?: string;
}

interface CallNode {
  type: string;
  callee: ASTNode;
  arguments: ASTNode[];
}

function isGeneratorFunction(node: ASTNode | null | undefined): boolean {
  const n = node as { generator?: boolean; async?: boolean } | null | undefined;
  return Boolean(n && isFunctionLike(node) && n.generator && !n.async);
}

/** The driver a call's callee names, if any. */
function getDriver(input: StepInput, call: ASTPath): { kind: DriverKind; role: 'run' | 'wrap' } | null {
  const callee = call.get('callee') as ASTPath;
  if (input.refs.isMember(callee, 'co', 'default')) return { kind: 'co', role: 'run' };
  if (input.refs.isMember(callee, 'co', 'wrap')) return { kind: 'co', role: 'wrap' };
  if (input.refs.isMember(callee, 'bluebird', 'coroutine')) return { kind: 'bluebird', role: 'wrap' };
  return null;
}

/** Named generators declared in the file: `function* step() {}` or `const step = function* () {}`. */
function findNamedGenerators(j: JSCodeshift, input: StepInput): Map<string, GeneratorUnit> {
  const units = new Map<string, GeneratorUnit>();
  const add = (name: string, fn: ASTPath) => {
    const duplicate = units.get(name);
    if (duplicate) {
      // two generators with one name: references are ambiguous
      duplicate.escapes = true;
      duplicate.escapeReason ??= 'another generator in this file has the same name';
    } else units.set(name, { fn, name, sites: [], yieldedBy: [], escapes: false });
  };
  findNodes(input.root, j.FunctionDeclaration).forEach((path) => {
    if (isGeneratorFunction(path.node) && path.node.id?.type === 'Identifier') add(path.node.id.name, path);
  });
  findNodes(input.root, j.VariableDeclarator).forEach((path) => {
    const init = path.get('init') as ASTPath;
    if (
      path.node.id.type === 'Identifier' &&
      init.node &&
      init.node.type === 'FunctionExpression' &&
      isGeneratorFunction(init.node)
    ) {
      add(path.node.id.name, init);
    }
  });
  return units;
}

const yieldedStructure = new Set(['ArrayExpression', 'ObjectExpression', 'ObjectProperty', 'Property']);

/**
 * The yield whose value holds `call`: `yield step()`, or `yield [step(), …]` / `yield { a: step() }` at
 * any depth, which the driver resolved element by element (a generator object run like `yield step()`).
 */
function findYieldHolding(call: ASTPath): ASTPath | null {
  let child = call;
  let path = call.parent as ASTPath | null;
  while (path && yieldedStructure.has(path.node.type)) {
    const node = path.node as { type: string; value?: unknown; computed?: boolean };
    if ((node.type === 'ObjectProperty' || node.type === 'Property') && (node.value !== child.node || node.computed))
      return null;
    child = path;
    path = path.parent as ASTPath | null;
  }
  if (path?.node.type !== 'YieldExpression') return null;
  return child === call || !(path.node as { delegate?: boolean }).delegate ? path : null;
}

/** Classifies one reference to a named generator: a driver site, a yield of its call, or an escape. */
function classifyReference(input: StepInput, unit: GeneratorUnit, ref: ASTPath): void {
  const parent = ref.parent as ASTPath;
  const parentNode = parent.node as unknown as CallNode;
  if (parentNode.type === 'CallExpression' && parentNode.arguments[0] === ref.node) {
    const driver = getDriver(input, parent);
    if (driver) {
      unit.sites.push({ call: parent, role: driver.role, kind: driver.kind });
      return;
    }
  }
  if (parentNode.type === 'CallExpression' && parentNode.callee === ref.node) {
    const outer = parent.parent as ASTPath;
    const outerNode = outer.node as unknown as CallNode;
    const yielded = findYieldHolding(parent);
    if (yielded) {
      unit.yieldedBy.push(yielded);
      return;
    }
    if (outerNode.type === 'CallExpression' && outerNode.arguments[0] === parent.node) {
      const driver = getDriver(input, outer);
      if (driver?.role === 'run') {
        unit.sites.push({ call: outer, role: 'run-object', kind: driver.kind });
        return;
      }
    }
  }
  unit.escapes = true;
  const line = (ref.node as { loc?: { start: { line: number } } | null }).loc?.start.line;
  unit.escapeReason ??= `it is also used at line ${line ?? '?'}, where nothing runs it as a coroutine`;
}

function isDeclarationName(path: ASTPath, unit: GeneratorUnit): boolean {
  const parent = path.parent?.node as { type: string; id?: unknown } | undefined;
  if (!parent) return false;
  if (parent.id !== path.node) return false;
  return (
    parent === unit.fn.node ||
    (parent.type === 'VariableDeclarator' && (parent as { init?: unknown }).init === unit.fn.node)
  );
}

function collectReferences(j: JSCodeshift, input: StepInput, units: Map<string, GeneratorUnit>): void {
  findNodes(input.root, j.Identifier).forEach((path) => {
    const unit = units.get(String(path.node.name));
    if (!unit || isDeclarationName(path, unit)) return;
    const parent = path.parent?.node as
      { type: string; property?: unknown; key?: unknown; computed?: boolean } | undefined;
    const isProperty =
      parent &&
      ((parent.type === 'MemberExpression' && parent.property === path.node && !parent.computed) ||
        ((parent.type === 'ObjectProperty' || parent.type === 'ObjectMethod' || parent.type === 'ClassMethod') &&
          parent.key === path.node &&
          !parent.computed));
    if (isProperty) return;
    classifyReference(input, unit, path);
  });
  for (const unit of units.values()) {
    // an exported declaration escapes even without a reference
    const parentType = unit.fn.parent?.node.type;
    if (parentType === 'ExportNamedDeclaration' || parentType === 'ExportDefaultDeclaration') {
      unit.escapes = true;
      unit.escapeReason ??= 'it is exported, and other modules may iterate it';
    }
    if (unit.sites.length === 0 && unit.yieldedBy.length === 0) unit.escapes = true;
  }
}

/** Generator expressions written directly as a driver's argument: `co(function* () {…})`. */
function findInlineUnits(j: JSCodeshift, input: StepInput): GeneratorUnit[] {
  const units: GeneratorUnit[] = [];
  findNodes(input.root, j.CallExpression).forEach((call) => {
    const first = (call.node.arguments as ASTNode[])[0];
    if (!first || first.type !== 'FunctionExpression' || !isGeneratorFunction(first)) return;
    const driver = getDriver(input, call);
    if (!driver) return;
    const fn = (call.get('arguments') as ASTPath).get(0) as ASTPath;
    units.push({
      fn,
      name: null,
      sites: [{ call, role: driver.role, kind: driver.kind }],
      yieldedBy: [],
      escapes: false,
    });
  });
  return units;
}

/**
 * Generator expressions mapped into a yielded array, `yield list.map(function* (item) {…})`: the driver
 * ran each generator object the array held, so each is driven by whatever drives the yield.
 */
function findMappedUnits(j: JSCodeshift, input: StepInput): GeneratorUnit[] {
  const units: GeneratorUnit[] = [];
  findNodes(input.root, j.YieldExpression, { delegate: false }).forEach((yieldPath) => {
    const argument = yieldPath.node.argument as unknown as CallNode | null;
    if (argument?.type !== 'CallExpression' || argument.arguments.length !== 1) return;
    const callee = argument.callee as { type: string; computed?: boolean; property?: { name?: string } };
    if (callee.type !== 'MemberExpression' || callee.computed || callee.property?.name !== 'map') return;
    if (!isGeneratorFunction(argument.arguments[0]) || argument.arguments[0].type !== 'FunctionExpression') return;
    const fn = (yieldPath.get('argument', 'arguments') as ASTPath).get(0) as ASTPath;
    units.push({ fn, name: null, sites: [], yieldedBy: [yieldPath], escapes: false });
  });
  return units;
}

/**
 * Every generator driven by co / co.wrap / coroutine, inline or by name, with its driver sites; and the
 * named generators a driver runs that must stay generators (`kept`), to say why at their driver sites.
 */
export function findGeneratorUnits(input: StepInput): { units: GeneratorUnit[]; kept: GeneratorUnit[] } {
  const { j } = input;
  const named = findNamedGenerators(j, input);
  collectReferences(j, input, named);
  const all = [...named.values()];
  return {
    units: [...findInlineUnits(j, input), ...findMappedUnits(j, input), ...all.filter((u) => !u.escapes)],
    kept: all.filter((u) => u.escapes && u.sites.length > 0),
  };
}
