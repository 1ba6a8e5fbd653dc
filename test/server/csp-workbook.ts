// `npx tsx test/server/csp-workbook.ts <sample.json> <out.xlsx>`: the orders of a sample feed as an Excel
// workbook (dates as date cells, numbers as numbers), for the strict-CSP test (test/server/csp-pages.mjs).
import { readFileSync, writeFileSync } from 'node:fs';
import { writeXlsx, type XlsxCell } from '../fixtures/xlsx-writer.js';

const [input, output] = process.argv.slice(2);
const orders = (JSON.parse(readFileSync(input!, 'utf8')) as { orders: Record<string, string | number | null>[] }).orders;
const names = Object.keys(orders[0]!);
const serial = (iso: string) => (Date.parse(`${iso}T00:00:00Z`) - Date.UTC(1899, 11, 30)) / 86_400_000;
const rows: XlsxCell[][] = [names];
for (const o of orders) rows.push(names.map((n) => (n === 'order_date' ? { serial: serial(String(o[n])), format: 14 } : o[n])));
writeFileSync(output!, writeXlsx([{ name: 'Orders', rows }, { name: 'About', rows: [['A sample feed as a workbook']] }]));
