/** Header checks shared by CSV files and workbook sheets. */
import { FeedError } from '../errors.js';

/** A column name used twice in a header (CSV and sheets alike): the columns are numbered from 1. */
export function duplicateColumn(kind: 'csv' | 'workbook', feed: string, name: string, first: number, second: number, where: string): FeedError {
  return new FeedError({
    kind,
    code: 'duplicate-column',
    params: { name, first, second },
    feed,
    expected: 'a header with distinct column names',
    found: `the column name "${name}" twice in ${where} (columns ${first} and ${second})`,
  });
}
