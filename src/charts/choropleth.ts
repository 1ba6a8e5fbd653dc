import { svg, nothing, type SVGTemplateResult } from 'lit';
import { classMap } from 'lit/directives/class-map.js';
import { geoArea, geoBounds, geoConicEqualArea, geoEqualEarth, geoPath, type GeoPermissibleObjects } from 'd3-geo';
import { SEQ_COUNT } from '../styles/tokens.js';
import type { MarkHandlers } from './marks.js';
import { codedError } from '../i18n/coded-error.js';

/** A GeoJSON feature with the `name` property the map is keyed by (e.g. 广东). */
export interface GeoFeature {
  type: 'Feature';
  id?: string | number;
  properties: { name?: string; [key: string]: unknown } | null;
  geometry: { type: string; coordinates: unknown } | null;
}

export interface GeoFeatureCollection {
  type: 'FeatureCollection';
  features: GeoFeature[];
}

/**
 * Check a parsed GeoJSON document and orient its polygons the way d3-geo wants (exterior rings clockwise on
 * the sphere). Files written to RFC 7946 (counter-clockwise) would otherwise fill the whole globe. Returns a
 * new collection whose features are keyed by `properties.name`: with `key` (a host's `geo-key`, e.g.
 * `sigla`) that property's value becomes the name (the original properties are kept). Features without a
 * geometry or a key are an error naming the first one and the properties it has.
 */
export function prepareGeo(doc: unknown, source = 'GeoJSON', key = 'name'): GeoFeatureCollection {
  const fc = doc as Partial<GeoFeatureCollection> | null;
  if (!fc || fc.type !== 'FeatureCollection' || !Array.isArray(fc.features))
    throw codedError(Error, 'geo-not-collection', { source, found: fc && typeof fc === 'object' ? `type "${String(fc.type)}"` : typeof fc });
  const features = fc.features.map((f, i) => {
    const raw = f?.properties?.[key];
    const name = typeof raw === 'number' ? String(raw) : raw;
    if (!f?.geometry || typeof name !== 'string' || !name)
      throw codedError(Error, 'geo-feature', { source, index: i, key, has: Object.keys(f?.properties ?? {}).join(', ') || '—' });
    return { ...f, properties: { ...f.properties, name }, geometry: rewind(f.geometry) };
  });
  return { type: 'FeatureCollection', features };
}

type Ring = [number, number][];

function rewind(geometry: { type: string; coordinates: unknown }): GeoFeature['geometry'] {
  const polygon = (rings: Ring[]): Ring[] =>
    geoArea({ type: 'Polygon', coordinates: rings }) > 2 * Math.PI ? rings.map((r) => [...r].reverse()) : rings;
  if (geometry.type === 'Polygon') return { type: 'Polygon', coordinates: polygon(geometry.coordinates as Ring[]) };
  if (geometry.type === 'MultiPolygon')
    return { type: 'MultiPolygon', coordinates: (geometry.coordinates as Ring[][]).map(polygon) };
  return geometry;
}

/** The value of one map area (plain data from the widget). */
export interface ChoroplethDatum {
  /** Value the colour encodes; null / non-finite = no data. */
  value: number | null;
  /** Accessible name and tooltip heading, e.g. "广东: ¥1.2M". */
  label: string;
  selected?: boolean;
}

export interface ChoroplethShape {
  /** `properties.name` of the feature. */
  name: string;
  /** SVG path data. */
  d: string;
  datum: ChoroplethDatum | undefined;
  /** Token reference: a sequential step, or the "no data" fill. */
  fill: string;
  /** Position in keyboard order (areas with data by value descending, then the rest by name). */
  index: number;
}

export interface ChoroplethLayout {
  width: number;
  height: number;
  /** In drawing order (the feature order of the file). */
  shapes: ChoroplethShape[];
  /** Largest value (the legend's top end). */
  max: number;
  /** Smallest value with data (the legend's low end for quantile classes). */
  min: number;
  /**
   * How values map to colours: `linear` = equal steps from 0 to max; `quantile` = classes of equal area counts
   * (used when one area dwarfs the rest — a UK retailer's home market — so the others are told apart).
   * `breaks[k]` is the lower bound of class k + 1.
   */
  scale: { kind: 'linear' | 'quantile'; breaks: number[] };
  hasSelection: boolean;
}

/**
 * Colour classes of the data: the sequential steps 2 … 7 (step 1 is too close to the "no data" fill to tell
 * apart). Six classes.
 */
export const DATA_CLASSES = SEQ_COUNT - 1;
const classFill = (k: number) => `var(--crm-seq-${Math.min(DATA_CLASSES - 1, Math.max(0, k)) + 2})`;

/** Type-7 quantile of ascending values. */
function quantile(sorted: readonly number[], p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  return sorted[lo] + (h - lo) * ((sorted[Math.min(lo + 1, sorted.length - 1)] ?? sorted[lo]) - sorted[lo]);
}

/**
 * The colour scale of a map's values: quantile classes when the largest value is more than 10× the median
 * of at least 4 areas with data (skewed: a linear scale would paint every area but one in the palest step),
 * else linear from 0.
 */
export function choroplethScale(values: readonly number[]): ChoroplethLayout['scale'] {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  const max = sorted[sorted.length - 1] ?? 0;
  if (sorted.length >= 4 && sorted[0] >= 0 && max > 10 * quantile(sorted, 0.5)) {
    const breaks = Array.from({ length: DATA_CLASSES - 1 }, (_, k) => quantile(sorted, (k + 1) / DATA_CLASSES));
    return { kind: 'quantile', breaks };
  }
  return { kind: 'linear', breaks: Array.from({ length: DATA_CLASSES - 1 }, (_, k) => (max * (k + 1)) / DATA_CLASSES) };
}

/** The fill of a value on a scale. */
export function choroplethFill(scale: ChoroplethLayout['scale'], value: number): string {
  // A linear scale of all-zero data (max 0): every area the lowest class, not the highest.
  if (scale.breaks.every((b) => b === 0)) return classFill(0);
  let k = 0;
  while (k < scale.breaks.length && value >= scale.breaks[k]) k++;
  return classFill(k);
}

/** Fill of an area without data. */
export const NO_DATA_FILL = 'var(--crm-color-surface)';

function centredOnChina(west: number, south: number, east: number, north: number): boolean {
  const lon = east >= west ? (west + east) / 2 : (west + east + 360) / 2;
  const lat = (south + north) / 2;
  return lon > 73 && lon < 135 && lat > 18 && lat < 54;
}

/** True for a map centred on China (a province map), by its bounds. */
export function aroundChina(geo: GeoFeatureCollection): boolean {
  const [[west, south], [east, north]] = geoBounds(geo as unknown as GeoPermissibleObjects);
  return centredOnChina(west, south, east, north);
}

/**
 * An equal-area conic for a region: China's standard parallels (25°, 47°, central meridian 105°E) when the
 * map lies around China, as before; elsewhere (a host's map of Brazilian states, US states…) the central
 * meridian of its bounds and parallels at 1/6 and 5/6 of its latitude span (the usual rule of thumb).
 */
function conicFor(object: GeoPermissibleObjects) {
  const [[west, south], [east, north]] = geoBounds(object);
  if (centredOnChina(west, south, east, north)) return geoConicEqualArea().parallels([25, 47]).rotate([-105, 0]);
  const lon = east >= west ? (west + east) / 2 : (west + east + 360) / 2;
  const span = north - south;
  return geoConicEqualArea()
    .parallels([south + span / 6, north - span / 6])
    .rotate([-lon, 0]);
}

/**
 * Project a feature collection to fit `width` (`projection: 'world'`: Equal Earth; else an equal-area conic
 * fitted to the region, see `conicFor`; height from the shape, at most `maxHeight`) and colour each area by its datum on the sequential tokens (0 … max).
 * Pure: no DOM.
 */
export function layoutChoropleth(
  geo: GeoFeatureCollection,
  data: ReadonlyMap<string, ChoroplethDatum>,
  options: { width: number; maxHeight?: number; projection?: 'world' | 'area' },
): ChoroplethLayout {
  const width = Math.max(120, options.width);
  const maxHeight = options.maxHeight ?? Math.max(240, width * 0.85);
  const object = geo as unknown as GeoPermissibleObjects;
  const projection = (options.projection === 'world' ? geoEqualEarth() : conicFor(object)).fitWidth(width, object);
  const [[, y0], [, y1]] = geoPath(projection).bounds(object);
  let height = Math.ceil(y1 - y0);
  if (height > maxHeight) {
    projection.fitSize([width, maxHeight], object);
    height = maxHeight;
  }
  const path = geoPath(projection);
  const finite = (d: ChoroplethDatum | undefined) => d !== undefined && d.value !== null && Number.isFinite(d.value);
  const present = geo.features.map((f) => data.get(f.properties!.name as string)).filter(finite).map((d) => d!.value as number);
  const max = Math.max(0, ...present);
  const min = present.length ? Math.min(...present) : 0;
  const scale = choroplethScale(present);
  const shapes = geo.features.map((f): ChoroplethShape => {
    const name = f.properties!.name as string;
    const datum = data.get(name);
    const fill = finite(datum) ? choroplethFill(scale, datum!.value!) : NO_DATA_FILL;
    return { name, d: path(f as unknown as GeoPermissibleObjects) ?? '', datum, fill, index: 0 };
  });
  const order = [...shapes].sort(
    (a, b) =>
      Number(finite(b.datum)) - Number(finite(a.datum)) ||
      (b.datum?.value ?? 0) - (a.datum?.value ?? 0) ||
      (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
  );
  order.forEach((s, i) => (s.index = i));
  return { width, height, shapes, max, min, scale, hasSelection: shapes.some((s) => s.datum?.selected) };
}

/** The shape at each keyboard position (`index` order). */
export const shapesInFocusOrder = (layout: ChoroplethLayout): ChoroplethShape[] =>
  [...layout.shapes].sort((a, b) => a.index - b.index);

/**
 * Draw a choropleth layout: a `listbox` of `option` areas with roving tabindex and tooltips through `handlers`
 * (the same interaction as `renderBars`). Areas without data are focusable too and say so in their label.
 */
export function renderChoropleth(
  layout: ChoroplethLayout,
  options: { label: string; noDataLabel: (name: string) => string; handlers?: MarkHandlers },
): SVGTemplateResult {
  const h = options.handlers;
  return svg`<svg
    class=${classMap({ choropleth: true, 'has-selection': layout.hasSelection })}
    width=${layout.width}
    height=${layout.height}
    viewBox="0 0 ${layout.width} ${layout.height}"
  >
    <g role="listbox" aria-label=${options.label} @keydown=${h ? (e: KeyboardEvent) => h.keydown(e) : nothing}>
      ${layout.shapes.map((s) => {
        const focus = h ? (e: Event) => h.focus(s.index, e.currentTarget as Element) : nothing;
        return svg`<path
          class=${classMap({ mark: true, area: true, 'no-data': !s.datum || s.fill === NO_DATA_FILL })}
          role="option"
          d=${s.d}
          aria-selected=${s.datum?.selected ? 'true' : 'false'}
          aria-label=${s.datum ? s.datum.label : options.noDataLabel(s.name)}
          tabindex=${h ? h.tabIndex(s.index) : -1}
          data-mark-index=${s.index}
          data-name=${s.name}
          fill=${s.fill}
          @focus=${focus}
          @pointerenter=${focus}
          @blur=${h ? () => h.blur() : nothing}
          @pointerleave=${h ? () => h.blur() : nothing}
          @click=${h ? () => h.activate(s.index) : nothing}
        ></path>`;
      })}
    </g>
  </svg>`;
}

/** Legend steps of a layout: each class's fill and the value range it covers. */
export function choroplethLegend(layout: Pick<ChoroplethLayout, 'scale' | 'max' | 'min'>): { fill: string; from: number; to: number }[] {
  const { breaks, kind } = layout.scale;
  const low = kind === 'quantile' ? layout.min : 0;
  return Array.from({ length: breaks.length + 1 }, (_, k) => ({
    fill: classFill(k),
    from: k === 0 ? low : breaks[k - 1],
    to: k === breaks.length ? layout.max : breaks[k],
  }));
}
