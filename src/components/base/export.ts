import { dispatchCrmEvent, type ExportFormat } from '../events.js';
import { cellValue, rawCell, type TableData } from './table-data.js';
import { codedError } from '../../i18n/coded-error.js';

/** UTF-8 byte order mark: without it Excel opens a UTF-8 CSV as the local code page and garbles Chinese. */
export const BOM = '\uFEFF';

/** Characters that make a spreadsheet read a cell as a formula (OWASP "CSV injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV field: formula-looking text gets a leading `'` (so `=HYPERLINK(…)` stays text in Excel), then
 * RFC 4180 quoting when it holds a comma, quote, CR or LF (quotes doubled). Numbers are never prefixed:
 * `-5` from a number column is a value, not an injection.
 */
export function csvField(text: string, isNumber = false): string {
  const safe = !isNumber && FORMULA_START.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** CSV text (RFC 4180: CRLF line ends, header row first), without the BOM. */
export function toCsv<Row>(data: TableData<Row>): string {
  const lines = [data.columns.map((c) => csvField(c.label)).join(',')];
  for (const row of data.rows) {
    lines.push(
      data.columns
        .map((c) => csvField(rawCell(c, row), typeof cellValue(c, row) === 'number'))
        .join(','),
    );
  }
  return lines.join('\r\n') + '\r\n';
}

/** The CSV file: BOM + text, typed `text/csv;charset=utf-8`. */
export function csvBlob<Row>(data: TableData<Row>): Blob {
  return new Blob([BOM + toCsv(data)], { type: 'text/csv;charset=utf-8' });
}

/** Computed properties copied inline so an exported SVG looks the same without the page's CSS. */
const INLINE_PROPERTIES = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-opacity',
  'stroke-dasharray',
  'stroke-linecap',
  'stroke-linejoin',
  'opacity',
  'color',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'text-anchor',
  'dominant-baseline',
  'paint-order',
  'visibility',
  'display',
] as const;

/** The inherited ones among them (the others are written only where they differ from their initial value). */
const INHERITED = new Set<string>(INLINE_PROPERTIES.filter((p) => !['opacity', 'display', 'dominant-baseline'].includes(p)));
const INITIAL: Record<string, string> = { opacity: '1', display: 'inline', 'dominant-baseline': 'auto' };

const SVG_NS = 'http://www.w3.org/2000/svg';

export interface SerializeSvgOptions {
  /** Background colour painted under the chart (a resolved colour, e.g. the widget's computed background). */
  background?: string;
}

/**
 * A standalone SVG file of a rendered chart: every element's computed paint and font (which resolve the
 * `var(--crm-*)` tokens, wherever the page set them) are written as presentation attributes, classes, focus attributes and Lit's comment markers are dropped, and a
 * background rectangle is added. The `<svg>` must be in the document (computed styles are read from it).
 */
export function serializeSvg(svg: SVGSVGElement, options: SerializeSvgOptions = {}): string {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const originals = [svg, ...svg.querySelectorAll('*')];
  const copies = [clone, ...clone.querySelectorAll('*')];
  const computedOf = new Map<Element, CSSStyleDeclaration>();
  originals.forEach((original, i) => {
    const copy = copies[i];
    const computed = getComputedStyle(original);
    computedOf.set(original, computed);
    const parent = original === svg ? undefined : computedOf.get(original.parentElement!);
    // Presentation attributes, not a `style` attribute: pages with `style-src 'self'` block setting one, and a
    // file opened on its own has no stylesheet that could outrank them. What a child inherits unchanged, or a
    // property at its initial value, is left out (the file stays small).
    for (const p of INLINE_PROPERTIES) {
      const value = computed.getPropertyValue(p);
      if (!value) continue;
      if (parent && (INHERITED.has(p) ? parent.getPropertyValue(p) === value : INITIAL[p] === value)) continue;
      copy.setAttribute(p, value);
    }
    for (const attr of ['class', 'tabindex', 'part', 'style']) copy.removeAttribute(attr);
  });
  const walker = document.createTreeWalker(clone, NodeFilter.SHOW_COMMENT);
  const comments: Node[] = [];
  while (walker.nextNode()) comments.push(walker.currentNode);
  for (const c of comments) c.parentNode?.removeChild(c);

  const { width, height } = svgSize(svg);
  clone.setAttribute('xmlns', SVG_NS);
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(height));
  if (!clone.hasAttribute('viewBox')) clone.setAttribute('viewBox', `0 0 ${width} ${height}`);
  if (options.background) {
    const rect = document.createElementNS(SVG_NS, 'rect');
    rect.setAttribute('x', '0');
    rect.setAttribute('y', '0');
    rect.setAttribute('width', '100%');
    rect.setAttribute('height', '100%');
    rect.setAttribute('fill', options.background);
    clone.insertBefore(rect, clone.firstChild);
  }
  return '<?xml version="1.0" encoding="UTF-8"?>\n' + new XMLSerializer().serializeToString(clone);
}

/** Rendered size of an `<svg>` in CSS pixels (at least 1×1). */
export function svgSize(svg: SVGSVGElement): { width: number; height: number } {
  const box = svg.getBoundingClientRect();
  return { width: Math.max(1, Math.round(box.width)), height: Math.max(1, Math.round(box.height)) };
}

/** Rasterize SVG text to a PNG at `scale`× (2 = sharp on high-density screens and in slides). */
export async function svgToPng(svgText: string, width: number, height: number, scale = 2): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svgText], { type: 'image/svg+xml;charset=utf-8' }));
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw codedError(Error, 'export-png-context');
    ctx.scale(scale, scale);
    ctx.drawImage(img, 0, 0, width, height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((b) => (b ? resolve(b) : reject(codedError(Error, 'export-png-encode'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** Save a blob as a file through a temporary `<a download>`. */
export function downloadBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/**
 * Offer an export: dispatches the cancelable `crm-export` event from `target` (bubbling, composed) with the
 * blob and file name, then downloads unless a listener called `preventDefault()` (a host can upload the
 * file instead; tests read it). Returns true when the download happened.
 */
export function offerExport(target: EventTarget, format: ExportFormat, blob: Blob, filename: string): boolean {
  const proceed = dispatchCrmEvent(target, 'crm-export', { format, blob, filename });
  if (proceed) downloadBlob(blob, filename);
  return proceed;
}

/** A file name from a title: unsafe characters replaced, Chinese kept, date suffix `YYYY-MM-DD`. */
export function exportFilename(title: string, format: ExportFormat, date: Date = new Date()): string {
  const base = title.trim().replace(/[\\/:*?"<>|\s]+/g, '-').replace(/^-+|-+$/g, '') || 'crm-lens';
  return `${base}-${date.toISOString().slice(0, 10)}.${format}`;
}
