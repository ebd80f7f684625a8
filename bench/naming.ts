/** Identifier and path vocabulary for the generated repository, and a per-file unique-name allocator. */
import type { Prng } from './prng';

export const verbs = [
  'normalise',
  'format',
  'compute',
  'merge',
  'collect',
  'resolve',
  'validate',
  'build',
  'parse',
  'render',
  'apply',
  'select',
  'group',
  'index',
  'score',
  'filter',
  'convert',
  'summarise',
  'track',
  'encode',
] as const;

export const nouns = [
  'order',
  'invoice',
  'user',
  'account',
  'session',
  'ticket',
  'report',
  'payment',
  'product',
  'cart',
  'shipment',
  'address',
  'token',
  'profile',
  'metric',
  'quota',
  'schedule',
  'message',
  'channel',
  'policy',
  'asset',
  'region',
  'tenant',
  'webhook',
  'audit',
  'price',
  'discount',
  'catalog',
  'feature',
  'job',
] as const;

export const areas = [
  'api',
  'services',
  'models',
  'utils',
  'lib',
  'jobs',
  'routes',
  'db',
  'config',
  'billing',
  'auth',
  'notifications',
  'reporting',
  'integrations',
  'workers',
  'admin',
  'search',
  'storage',
  'events',
  'core',
] as const;

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** Hands out identifiers that are unique within one file (a suffix is added on collision). */
export class NameAllocator {
  private readonly used = new Set<string>();

  constructor(private readonly rng: Prng) {}

  private claim(base: string): string {
    let name = base;
    for (let i = 2; this.used.has(name); i++) name = `${base}${i}`;
    this.used.add(name);
    return name;
  }

  /** `normaliseInvoice` */
  func(verb?: string): string {
    return this.claim(`${verb ?? this.rng.pick(verbs)}${capitalise(this.rng.pick(nouns))}`);
  }

  /** `InvoiceStore` */
  type(suffix: string): string {
    return this.claim(`${capitalise(this.rng.pick(nouns))}${suffix}`);
  }

  /** `invoiceCount` */
  variable(suffix: string): string {
    return this.claim(`${this.rng.pick(nouns)}${suffix}`);
  }

  /** `MAX_INVOICE_RETRIES` */
  constant(suffix: string): string {
    return this.claim(`${this.rng.pick(nouns).toUpperCase()}_${suffix}`);
  }

  isTaken(name: string): boolean {
    return this.used.has(name);
  }

  /** Marks names that the file already uses (imports) as taken. */
  reserve(names: readonly string[]): void {
    for (const n of names) this.used.add(n);
  }
}

/** A file stem such as `invoice-store-42` (the index keeps stems unique across the repository). */
export function buildFileStem(rng: Prng, index: number): string {
  return `${rng.pick(nouns)}-${rng.pick(['store', 'client', 'helpers', 'service', 'view', 'mapper', 'rules', 'queue'])}-${index}`;
}
