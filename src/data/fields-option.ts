/** The `fields` option of `<crm-data>` and widgets: host field names → canonical ones. */
import { FeedError, describeValue, quoteSnippet } from './errors.js';
import { TABLE_NAMES, type FieldMapping, type TableName } from './schema.js';

const EXPECTED = `fields as {"hostField": "canonical_field"} (orders) or ${`{${TABLE_NAMES.map((t) => `"${t}": {…}`).join(', ')}}`}`;

/**
 * Reads a `fields` value (an object, or its JSON text from the attribute) into a FieldMapping. A flat object
 * maps orders fields; an object keyed by table names maps each table. Throws FeedError `mapping` naming the
 * feed and the offending part.
 */
export function parseFieldsOption(value: unknown, feed: string): FieldMapping | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  let parsed = value;
  if (typeof value === 'string') {
    try {
      parsed = JSON.parse(value);
    } catch (cause) {
      throw new FeedError({ kind: 'mapping', feed, expected: EXPECTED, found: `text that is not JSON: ${quoteSnippet(value)}`, cause });
    }
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new FeedError({ kind: 'mapping', feed, expected: EXPECTED, found: describeValue(parsed) });
  }
  const entries = Object.entries(parsed);
  const perTable = entries.length > 0 && entries.every(([k, v]) => isTable(k) && v !== null && typeof v === 'object');
  const tables: [string, unknown][] = perTable ? entries : [['orders', parsed]];
  const mapping: FieldMapping = {};
  for (const [table, fields] of tables) {
    if (!fields || typeof fields !== 'object' || Array.isArray(fields)) {
      throw new FeedError({ kind: 'mapping', feed, expected: EXPECTED, found: `"${table}": ${describeValue(fields)}` });
    }
    for (const [host, canonical] of Object.entries(fields)) {
      if (typeof canonical !== 'string') {
        const where = perTable ? `"${table}"."${host}"` : `"${host}"`;
        throw new FeedError({ kind: 'mapping', feed, expected: EXPECTED, found: `${where}: ${describeValue(canonical)}` });
      }
    }
    mapping[table as TableName] = { ...(fields as Record<string, string>) };
  }
  return mapping;
}

const isTable = (name: string): name is TableName => (TABLE_NAMES as readonly string[]).includes(name);
