/**
 * Host columns → target names for one table: the mapping (also when written the other way round), names that
 * are unsafe as object keys (`__proto__`) or reserved (`order_kind`), and a column whose own name another column
 * was mapped to (kept under `<name>_original`). Nothing is dropped: every host column has exactly one target.
 */
import { FeedError } from '../errors.js';
import { ORDER_KIND_COLUMN, SCHEMA, type TableName } from '../schema.js';
import type { RenamedColumn } from '../types.js';

/** Names that cannot be plain object keys (assigning them changes the object instead of adding a key). */
const UNSAFE_NAMES = new Set(['__proto__']);

export interface ResolvedColumns {
  /** Target name → host column. */
  hostOf: Map<string, string>;
  /** The mapping as applied (reversed entries flipped). */
  mapping: Record<string, string>;
  reversed: string[];
  renamed: RenamedColumn[];
}

/**
 * Resolves the columns of `table`. A mapping value `""` keeps a host column as an extra under its own name.
 * Throws FeedError `mapping` when two host columns are mapped to one name.
 */
export function resolveColumns(
  columns: readonly string[],
  table: TableName,
  given: Readonly<Record<string, string>>,
  feed: string,
): ResolvedColumns {
  const present = new Set(columns);
  const canonical = new Set(SCHEMA[table].map((f) => f.name));
  // Entries written the other way round: the key is a field the feed lacks, the value a column it has.
  const mapping: Record<string, string> = Object.create(null);
  const reversed: string[] = [];
  for (const [host, target] of Object.entries(given)) {
    if (!present.has(host) && present.has(target) && canonical.has(host) && !Object.hasOwn(given, target)) {
      mapping[target] = host;
      reversed.push(`${host} → ${target}`);
    } else mapping[host] = target;
  }

  const hostOf = new Map<string, string>();
  const renamed: RenamedColumn[] = [];
  const explicit = new Set<string>(); // targets set by a mapping entry
  const unique = (base: string) => {
    let name = base;
    for (let k = 2; present.has(name) || hostOf.has(name); k++) name = `${base}_${k}`;
    return name;
  };
  // Columns mapped to a name first, so an unmapped one (or one kept as an extra) with that name is the one that moves.
  const renames = (h: string) => (isMapped(mapping, h) && mapping[h] !== '' ? 0 : 1);
  const order = [...columns].sort((a, b) => renames(a) - renames(b));
  for (const host of order) {
    let target = isMapped(mapping, host) ? mapping[host]! : host;
    if (target === '') target = host;
    let reason: RenamedColumn['reason'] | undefined;
    if (UNSAFE_NAMES.has(target)) reason = 'unsafe';
    else if (table === 'orders' && target === ORDER_KIND_COLUMN) reason = 'reserved';
    else if (hostOf.has(target)) {
      const other = hostOf.get(target)!;
      if (explicit.has(target) && isMapped(mapping, host) && mapping[host] !== '') throw conflict(feed, table, target, other, host);
      reason = 'displaced';
    }
    if (reason) {
      const to = unique(reason === 'displaced' ? `${host}_original` : reason === 'unsafe' ? `_${host.replace(/^_+|_+$/g, '')}_` : `${host}_feed`);
      renamed.push({ from: host, to, reason });
      target = to;
    }
    if (isMapped(mapping, host) && mapping[host] !== '') explicit.add(target);
    hostOf.set(target, host);
  }
  // Back in feed order (the order of output columns).
  const byHost = new Map([...hostOf].map(([t, h]) => [h, t]));
  const ordered = new Map<string, string>();
  for (const host of columns) ordered.set(byHost.get(host)!, host);
  return { hostOf: ordered, mapping, reversed, renamed };
}

const isMapped = (mapping: Record<string, string>, host: string) => Object.hasOwn(mapping, host);

function conflict(feed: string, table: TableName, target: string, a: string, b: string): FeedError {
  const how = (h: string) => (h === target ? `"${h}"` : `"${h}" (mapped to "${target}")`);
  return new FeedError({
    kind: 'mapping',
    code: 'mapping-conflict',
    params: { field: target, table, first: a, second: b },
    feed,
    expected: `one column for "${target}" in table "${table}"`,
    found: `two: ${how(a)} and ${how(b)}`,
    hint: 'Map only one of them, or map the other one to a different name.',
  });
}
