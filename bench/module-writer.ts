/**
 * Assembles one generated module in its style: CommonJS (`require` / `module.exports`), ES module
 * (`.mjs`, `import` / `export`) or TypeScript (`import` / `export`, type annotations). Blocks are written
 * style-neutral with `export ` in front of exported declarations; CommonJS drops that prefix and lists
 * the names in `module.exports` instead.
 */
import * as path from 'node:path';

export type ModuleStyle = 'cjs' | 'esm' | 'ts';

export interface ImportSpec {
  /** Module name (`sync-request`) or repository-relative path of a generated module. */
  from: string;
  /** Default import (or the whole CommonJS export). */
  defaultName?: string;
  named?: string[];
}

export class ModuleWriter {
  private readonly imports: ImportSpec[] = [];
  private readonly blocks: string[] = [];
  private readonly exported: string[] = [];
  private readonly exportedFunctions: string[] = [];

  constructor(
    readonly style: ModuleStyle,
    /** Repository-relative path of this module (for relative import specifiers). */
    readonly filePath: string,
    private readonly header: string,
  ) {}

  addImport(spec: ImportSpec): void {
    this.imports.push(spec);
  }

  /** `block` may start declarations with `export `; `names` are what it exports. */
  addBlock(block: string, names: readonly string[] = [], areFunctions = false): void {
    this.blocks.push(block);
    this.exported.push(...names);
    if (areFunctions) this.exportedFunctions.push(...names);
  }

  /** Exported plain functions taking one argument, which other modules may call. */
  get functionExports(): readonly string[] {
    return this.exportedFunctions;
  }

  /** `: string` in TypeScript, nothing in JavaScript. */
  type(annotation: string): string {
    return this.style === 'ts' ? `: ${annotation}` : '';
  }

  get size(): number {
    return this.blocks.reduce((sum, b) => sum + b.length + 1, this.header.length);
  }

  render(): string {
    const head = this.imports.map((spec) => this.renderImport(spec));
    const body = this.style === 'cjs' ? this.blocks.map((b) => b.replace(/^export /gm, '')) : this.blocks;
    const tail =
      this.style === 'cjs' && this.exported.length > 0 ? [`module.exports = { ${this.exported.join(', ')} };\n`] : [];
    const prologue = this.style === 'cjs' ? "'use strict';\n\n" : '';
    return `${this.header}${prologue}${head.join('')}${head.length ? '\n' : ''}${body.join('\n')}${tail.length ? '\n' : ''}${tail.join('')}`;
  }

  private renderImport(spec: ImportSpec): string {
    const source = this.specifier(spec.from);
    const named = spec.named ?? [];
    if (this.style === 'cjs') {
      if (spec.defaultName) return `const ${spec.defaultName} = require('${source}');\n`;
      return `const { ${named.join(', ')} } = require('${source}');\n`;
    }
    const parts = [spec.defaultName, named.length ? `{ ${named.join(', ')} }` : undefined].filter(Boolean);
    return `import ${parts.join(', ')} from '${source}';\n`;
  }

  /** Package names stay; generated modules become `./x` (TypeScript, `.js`) or `./x.mjs` / `./x.cjs`. */
  private specifier(from: string): string {
    if (!from.startsWith('src/') && !from.startsWith('test/')) return from;
    let relative = path.posix.relative(path.posix.dirname(this.filePath), from);
    if (!relative.startsWith('.')) relative = `./${relative}`;
    return /\.(mjs|cjs)$/.test(from) ? relative : relative.replace(/\.(ts|js)$/, '');
  }
}

/** The file extension for a module of `style` (`.cjs` now and then, as real CommonJS code bases do). */
export function pickExtension(style: ModuleStyle, roll: number): string {
  if (style === 'ts') return '.ts';
  if (style === 'esm') return '.mjs';
  return roll < 0.1 ? '.cjs' : '.js';
}
