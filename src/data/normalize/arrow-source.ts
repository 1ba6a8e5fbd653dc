/**
 * Arrow IPC bytes (stream or file format) → a source table. Arrow `Date` columns are calendar days; timestamps
 * are instants (epoch ms); 64-bit integers and decimals arrive as numbers.
 */
import { fromArrow } from 'arquero';
import type { TableName } from '../schema.js';
import { FeedError } from '../errors.js';
import { columnsSource, type ColumnHint, type SourceTable } from './source.js';

/** Arrow type id of `Date` (days or ms since the epoch, no time zone). */
const ARROW_DATE = 8;

interface ArrowLikeColumn {
  type?: { typeId?: number };
  toArray(): ArrayLike<unknown>;
}

/** Reads Arrow IPC bytes; throws FeedError `arrow` when they are not Arrow. */
export function arrowSource(bytes: Uint8Array, table: TableName, feed: string): SourceTable {
  const data: Record<string, ArrayLike<unknown>> = Object.create(null);
  const hints = new Map<string, ColumnHint>();
  try {
    const t = fromArrow(bytes, { useDate: false });
    for (const name of t.columnNames()) {
      const col = t.column(name) as unknown as ArrowLikeColumn;
      if (col.type?.typeId === ARROW_DATE) hints.set(name, 'calendar-ms');
      data[name] = col.toArray();
    }
  } catch (cause) {
    throw new FeedError({
      kind: 'arrow',
      feed,
      expected: 'Apache Arrow IPC data (stream or file format)',
      found: `bytes that could not be read as Arrow (${cause instanceof Error ? cause.message : String(cause)})`,
      cause,
    });
  }
  return columnsSource(data, table, feed, 'the Arrow table', hints);
}
