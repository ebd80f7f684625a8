/**
 * package.json helpers. Edits are made on the TEXT, not by re-serialising the parsed object, so the
 * file keeps its indentation, key order, line endings and final newline; only the dependency lines change.
 */
import { existsSync } from 'fs';
import * as path from 'path';

/** The package.json closest to `fromFile`, looking no higher than `stopDir`; null when there is none. */
export function findNearestPackageJson(fromFile: string, stopDir: string): string | null {
  const stop = path.resolve(stopDir);
  let folder = path.dirname(path.resolve(fromFile));
  for (;;) {
    const candidate = path.join(folder, 'package.json');
    if (existsSync(candidate)) return candidate;
    const parent = path.dirname(folder);
    if (folder === stop || parent === folder || !isInside(stop, parent)) return null;
    folder = parent;
  }
}

/**
 * The package.json that governs a file: the nearest one, looking up no further than the file's git
 * work tree (a package.json above the repository is not the project's), or than `cwd` outside git.
 */
export function findProjectPackageJson(fromFile: string, cwd: string): string | null {
  let folder = path.dirname(path.resolve(fromFile));
  for (;;) {
    if (existsSync(path.join(folder, '.git'))) return findNearestPackageJson(fromFile, folder);
    const parent = path.dirname(folder);
    if (parent === folder) break;
    folder = parent;
  }
  return isInside(path.resolve(cwd), path.resolve(fromFile)) ? findNearestPackageJson(fromFile, cwd) : null;
}

/** `engines.node` of a package.json text, or null when absent or the text is not valid JSON. */
export function readNodeEngines(pkgText: string): string | null {
  try {
    const pkg: unknown = JSON.parse(pkgText.replace(/^\uFEFF/, ''));
    if (!isRecord(pkg) || !isRecord(pkg.engines)) return null;
    return typeof pkg.engines.node === 'string' ? pkg.engines.node : null;
  } catch {
    return null;
  }
}

/** Every dependency block's name → range (dependencies win over devDependencies and the rest); {} when unreadable. */
export function readDependencyRanges(pkgText: string): Record<string, string> {
  try {
    const pkg: unknown = JSON.parse(pkgText.replace(/^\uFEFF/, ''));
    if (!isRecord(pkg)) return {};
    const ranges: Record<string, string> = {};
    for (const block of [...DEPENDENCY_BLOCKS].reverse()) {
      const deps = pkg[block];
      if (!isRecord(deps)) continue;
      for (const [name, range] of Object.entries(deps)) if (typeof range === 'string') ranges[name] = range;
    }
    return ranges;
  } catch {
    return {};
  }
}

export interface DependencyChange {
  add: { name: string; range: string }[];
  remove: string[];
}

const DEPENDENCY_BLOCKS = ['dependencies', 'devDependencies', 'optionalDependencies', 'peerDependencies'];

/**
 * Adds each `add` entry to "dependencies" unless the package is already in any dependency block (the
 * block is created when missing; an alphabetically sorted block stays sorted, otherwise the entry is
 * appended), and removes each `remove` name from every dependency block. Returns `text` itself when
 * nothing changes. Throws when the text is not a JSON object.
 */
export function editPackageJsonDependencies(text: string, change: DependencyChange): string {
  let result = text;
  for (const name of change.remove) result = removeDependency(result, name);
  for (const dependency of change.add) result = addDependency(result, dependency.name, dependency.range);
  return result;
}

interface JsonMember {
  key: string;
  keyStart: number;
  keyEnd: number;
  valueStart: number;
  valueEnd: number;
}

interface JsonObject {
  open: number;
  close: number;
  members: JsonMember[];
}

function removeDependency(text: string, name: string): string {
  let result = text;
  for (const block of DEPENDENCY_BLOCKS) {
    const object = findBlock(result, block);
    const index = object?.members.findIndex((member) => member.key === name) ?? -1;
    if (object && index >= 0) result = removeMember(result, object, index);
  }
  return result;
}

function removeMember(text: string, object: JsonObject, index: number): string {
  const { members } = object;
  if (members.length === 1) return text.slice(0, object.open + 1) + text.slice(object.close);
  // Not the last: drop the member, its comma and the next member's leading space.
  if (index < members.length - 1)
    return text.slice(0, members[index].keyStart) + text.slice(members[index + 1].keyStart);
  // The last: drop the previous member's comma, the leading space and the member.
  return text.slice(0, members[index - 1].valueEnd) + text.slice(members[index].valueEnd);
}

function addDependency(text: string, name: string, range: string): string {
  const top = readObjectAt(text, skipSpace(text, 0));
  const present = DEPENDENCY_BLOCKS.some((block) =>
    findBlock(text, block)?.members.some((member) => member.key === name),
  );
  if (present) return text;
  const style = detectStyle(text, top);
  const entry = `${JSON.stringify(name)}${style.colon}${JSON.stringify(range)}`;
  const dependencies = findBlock(text, 'dependencies');
  if (dependencies) {
    const keys = dependencies.members.map((member) => member.key);
    const sorted = keys.every((key, i) => i === 0 || compareNames(keys[i - 1], key) <= 0);
    const before = sorted ? keys.findIndex((key) => compareNames(key, name) > 0) : -1;
    return insertMember(text, dependencies, entry, before, style);
  }
  const memberIndent =
    top.members.length > 0
      ? getLineIndent(text, top.members[0].keyStart)
      : getLineIndent(text, top.open) + style.indent;
  const blockEntry = `"dependencies"${style.colon}${buildBlockText(entry, memberIndent, style)}`;
  const devIndex = top.members.findIndex((member) => member.key === 'devDependencies');
  return insertMember(text, top, blockEntry, devIndex, style);
}

interface TextStyle {
  eol: string;
  /** One level of indentation, or '' when the file is written on one line. */
  indent: string;
  colon: string;
  multiline: boolean;
}

function detectStyle(text: string, top: JsonObject): TextStyle {
  const first = top.members[0];
  const leading = first ? text.slice(top.open + 1, first.keyStart) : '\n  ';
  const multiline = leading.includes('\n');
  return {
    eol: text.includes('\r\n') ? '\r\n' : '\n',
    indent: multiline ? leading.slice(leading.lastIndexOf('\n') + 1) : '',
    colon: first ? text.slice(first.keyEnd, first.valueStart) : ': ',
    multiline,
  };
}

/** `{ "name": "range" }` laid out like the rest of the file, for a member indented by `memberIndent`. */
function buildBlockText(entry: string, memberIndent: string, style: TextStyle): string {
  if (!style.multiline) return `{${entry}}`;
  return `{${style.eol}${memberIndent}${style.indent}${entry}${style.eol}${memberIndent}}`;
}

/** Inserts `entry` before member `index`, or after the last member when `index` is -1. */
function insertMember(text: string, object: JsonObject, entry: string, index: number, style: TextStyle): string {
  const { members } = object;
  if (members.length === 0) {
    const inner = buildBlockText(entry, getLineIndent(text, object.open), style);
    return text.slice(0, object.open) + inner + text.slice(object.close + 1);
  }
  const at = index === -1 ? members.length - 1 : index;
  const previousEnd = at === 0 ? object.open + 1 : findCommaAfter(text, members[at - 1].valueEnd) + 1;
  const leading = text.slice(previousEnd, members[at].keyStart);
  if (index === -1) {
    const end = members[at].valueEnd;
    return `${text.slice(0, end)},${leading}${entry}${text.slice(end)}`;
  }
  const start = members[at].keyStart;
  return `${text.slice(0, start)}${entry},${leading}${text.slice(start)}`;
}

function findBlock(text: string, key: string): JsonObject | null {
  const top = readObjectAt(text, skipSpace(text, 0));
  const member = top.members.find((candidate) => candidate.key === key);
  if (!member || text[member.valueStart] !== '{') return null;
  return readObjectAt(text, member.valueStart);
}

/** Reads the object whose `{` is at `open`: where each member's key and value start and end. */
function readObjectAt(text: string, open: number): JsonObject {
  if (text[open] !== '{') throw new SyntaxError(`package.json: expected an object at offset ${open}`);
  const members: JsonMember[] = [];
  let position = skipSpace(text, open + 1);
  if (text[position] === '}') return { open, close: position, members };
  for (;;) {
    const keyStart = position;
    const keyEnd = skipString(text, keyStart);
    const colon = skipSpace(text, keyEnd);
    if (text[colon] !== ':') throw new SyntaxError(`package.json: expected ':' at offset ${colon}`);
    const valueStart = skipSpace(text, colon + 1);
    const valueEnd = skipValue(text, valueStart);
    members.push({ key: JSON.parse(text.slice(keyStart, keyEnd)) as string, keyStart, keyEnd, valueStart, valueEnd });
    position = skipSpace(text, valueEnd);
    if (text[position] === '}') return { open, close: position, members };
    if (text[position] !== ',') throw new SyntaxError(`package.json: expected ',' or '}' at offset ${position}`);
    position = skipSpace(text, position + 1);
  }
}

function skipValue(text: string, start: number): number {
  if (text[start] === '"') return skipString(text, start);
  if (text[start] !== '{' && text[start] !== '[') {
    const match = /^[^,}\]\s]+/.exec(text.slice(start, start + 64));
    if (!match) throw new SyntaxError(`package.json: expected a value at offset ${start}`);
    return start + match[0].length;
  }
  let depth = 0;
  for (let position = start; position < text.length; position++) {
    const char = text[position];
    if (char === '"') position = skipString(text, position) - 1;
    else if (char === '{' || char === '[') depth++;
    else if ((char === '}' || char === ']') && --depth === 0) return position + 1;
  }
  throw new SyntaxError('package.json: unterminated object or array');
}

/** Offset just past the string literal starting at `start`. */
function skipString(text: string, start: number): number {
  if (text[start] !== '"') throw new SyntaxError(`package.json: expected a string at offset ${start}`);
  for (let position = start + 1; position < text.length; position++) {
    if (text[position] === '\\') position++;
    else if (text[position] === '"') return position + 1;
  }
  throw new SyntaxError('package.json: unterminated string');
}

function skipSpace(text: string, start: number): number {
  let position = start;
  while (position < text.length && /[\s\uFEFF]/.test(text[position])) position++;
  return position;
}

function findCommaAfter(text: string, start: number): number {
  return text.indexOf(',', start);
}

/** The spaces or tabs that start the line holding `offset`. */
function getLineIndent(text: string, offset: number): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart, offset))?.[0] ?? '';
}

/** npm sorts dependency blocks with `localeCompare(…, 'en')`. */
function compareNames(a: string, b: string): number {
  return a.localeCompare(b, 'en');
}

function isInside(root: string, candidate: string): boolean {
  const relative = path.relative(root, candidate);
  return relative === '' || (relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
