/** Example rows of the load report. */
import type { RejectedRowExample } from '../types.js';
import type { SourceTable } from './source.js';

/** At most this many example rows per rejection reason, invalid field or order kind. */
export const MAX_EXAMPLES = 5;

/** Row `row` as the feed gave it (host field names), for the report. */
export function exampleOf(source: SourceTable, row: number): RejectedRowExample {
  const r = source.row(row);
  return { row, values: r !== null && typeof r === 'object' && !Array.isArray(r) ? (r as Record<string, unknown>) : { value: r } };
}
