/**
 * Reads one sheet of an `.xlsx` workbook with read-excel-file (a SAX parser over fflate's unzip; no eval).
 * Imported dynamically (src/data/decode-feed.ts), so pages that never see a workbook never load it.
 */
import { readSheet } from 'read-excel-file/universal';
import { strFromU8, unzipSync } from 'fflate';
import { FeedError } from '../errors.js';
import { LEGACY_HINT } from '../normalize/decode.js';
import { WorkbookSheet, type SheetCell } from '../normalize/workbook-sheet.js';

export interface ReadWorkbookOptions {
  feed: string;
  /** A sheet's name, or its position from 1 when no sheet has that name; default the first sheet. */
  sheet?: string;
}

/**
 * The chosen sheet of a workbook. Throws FeedError `workbook-sheet` for a sheet it does not have (naming those
 * it has), `workbook-legacy` for an OpenDocument spreadsheet, `workbook-unreadable` for anything else that is
 * not a readable workbook.
 */
export async function readWorkbook(bytes: Uint8Array, options: ReadWorkbookOptions): Promise<WorkbookSheet> {
  const { feed } = options;
  const sheets = sheetNames(bytes, feed);
  const name = pickSheet(sheets, options.sheet, feed);
  // The reader wants an ArrayBuffer of exactly the file.
  const buffer = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes.buffer : bytes.slice().buffer;
  let rows: SheetCell[][];
  try {
    rows = (await readSheet(buffer as ArrayBuffer, name)) as unknown as SheetCell[][];
  } catch (error) {
    throw unreadable(feed, 'sheet', error instanceof Error ? error.message : String(error), error);
  }
  return new WorkbookSheet(name, sheets, rows);
}

/** The sheet names of `xl/workbook.xml`, in order (only that part is inflated). */
function sheetNames(bytes: Uint8Array, feed: string): string[] {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, { filter: (f) => f.name === 'xl/workbook.xml' || f.name === 'mimetype' });
  } catch (error) {
    throw unreadable(feed, 'zip', `not a valid ZIP archive (${error instanceof Error ? error.message : String(error)})`, error);
  }
  const xml = files['xl/workbook.xml'];
  if (!xml) {
    const mimetype = files.mimetype ? strFromU8(files.mimetype) : '';
    if (mimetype.includes('opendocument')) {
      throw new FeedError({
        kind: 'workbook',
        code: 'workbook-legacy',
        params: { found: 'an OpenDocument spreadsheet (.ods)' },
        feed,
        expected: 'an Excel workbook (.xlsx), CSV or JSON',
        found: 'an OpenDocument spreadsheet (.ods)',
        hint: LEGACY_HINT,
      });
    }
    throw unreadable(feed, 'not-workbook', 'a ZIP archive without xl/workbook.xml, so not an Excel workbook');
  }
  const names: string[] = [];
  for (const m of strFromU8(xml).matchAll(/<(?:\w+:)?sheet\b[^>]*?\bname="([^"]*)"/g)) names.push(unescapeXml(m[1]!));
  if (!names.length) throw unreadable(feed, 'no-sheets', 'the workbook lists no sheets');
  return names;
}

/** The sheet to read: by name, else by position from 1; the first by default. */
function pickSheet(sheets: string[], wanted: string | undefined, feed: string): string {
  if (wanted === undefined || wanted.trim() === '') return sheets[0]!;
  if (sheets.includes(wanted)) return wanted;
  const trimmed = sheets.find((s) => s.trim() === wanted.trim());
  if (trimmed !== undefined) return trimmed;
  const position = /^\d+$/.test(wanted.trim()) ? Number(wanted) : NaN;
  if (position >= 1 && position <= sheets.length) return sheets[position - 1]!;
  throw new FeedError({
    kind: 'workbook',
    code: 'workbook-sheet',
    params: { sheet: wanted, sheets },
    feed,
    expected: `a sheet of the workbook (${sheets.map((s) => `"${s}"`).join(', ')})`,
    found: `sheet ${JSON.stringify(wanted)}, which it does not have`,
  });
}

/** Why a workbook could not be read: `reason` picks the localized text, `detail` is the English one. */
function unreadable(feed: string, reason: 'zip' | 'not-workbook' | 'no-sheets' | 'sheet', detail: string, cause?: unknown): FeedError {
  return new FeedError({
    kind: 'workbook',
    code: 'workbook-unreadable',
    params: { reason, detail },
    feed,
    expected: 'a readable Excel workbook (.xlsx)',
    found: detail,
    hint: 'Open it in Excel and save it again, or save the sheet as "CSV UTF-8".',
    cause,
  });
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function unescapeXml(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1));
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[e] ?? whole;
  });
}
