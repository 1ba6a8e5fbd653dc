import { svg, nothing, type SVGTemplateResult } from 'lit';
import { classMap } from 'lit/directives/class-map.js';
import { geoArea, geoConicEqualArea, geoPath, type GeoPermissibleObjects } from 'd3-geo';
import { SEQ_COUNT, seqColor } from '../styles/tokens.js';
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
 * new collection; features without a geometry or a `name` are an error naming the first one.
 */
export function prepareGeo(doc: unknown, source = 'GeoJSON'): GeoFeatureCollection {
  const fc = doc as Partial<GeoFeatureCollection> | null;
  if (!fc || fc.type !== 'FeatureCollection' || !Array.isArray(fc.features))
    throw codedError(Error, 'geo-not-collection', { source, found: fc && typeof fc === 'object' ? `type "${String(fc.type)}"` : typeof fc });
  const features = fc.features.map((f, i) => {
    const name = f?.properties?.name;
    if (!f?.geometry || typeof name !== 'string' || !name)
      throw codedError(Error, 'geo-feature', { source, index: i });
    return { ...f, geometry: rewind(f.geometry) };
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
  hasSelection: boolean;
}

/** Fill of an area without data. */
export const NO_DATA_FILL = 'var(--crm-color-surface)';

/**
 * Project a feature collection to fit `width` (conic equal-area, standard parallels for China; height from
 * the shape, at most `maxHeight`) and colour each area by its datum on the sequential tokens (0 … max).
 * Pure: no DOM.
 */
export function layoutChoropleth(
  geo: GeoFeatureCollection,
  data: ReadonlyMap<string, ChoroplethDatum>,
  options: { width: number; maxHeight?: number },
): ChoroplethLayout {
  const width = Math.max(120, options.width);
  const maxHeight = options.maxHeight ?? Math.max(240, width * 0.85);
  const object = geo as unknown as GeoPermissibleObjects;
  const projection = geoConicEqualArea().parallels([25, 47]).rotate([-105, 0]).fitWidth(width, object);
  const [[, y0], [, y1]] = geoPath(projection).bounds(object);
  let height = Math.ceil(y1 - y0);
  if (height > maxHeight) {
    projection.fitSize([width, maxHeight], object);
    height = maxHeight;
  }
  const path = geoPath(projection);
  const finite = (d: ChoroplethDatum | undefined) => d !== undefined && d.value !== null && Number.isFinite(d.value);
  const max = Math.max(0, ...[...data.values()].filter(finite).map((d) => d.value as number));
  const shapes = geo.features.map((f): ChoroplethShape => {
    const name = f.properties!.name as string;
    const datum = data.get(name);
    const fill = finite(datum) ? seqColor(max > 0 ? Math.max(0, datum!.value!) / max : 0) : NO_DATA_FILL;
    return { name, d: path(f as unknown as GeoPermissibleObjects) ?? '', datum, fill, index: 0 };
  });
  const order = [...shapes].sort(
    (a, b) =>
      Number(finite(b.datum)) - Number(finite(a.datum)) ||
      (b.datum?.value ?? 0) - (a.datum?.value ?? 0) ||
      (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
  );
  order.forEach((s, i) => (s.index = i));
  return { width, height, shapes, max, hasSelection: shapes.some((s) => s.datum?.selected) };
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

/** Legend steps: the sequential tokens with the value range each covers (0 … max in equal steps). */
export function choroplethLegend(max: number, steps = SEQ_COUNT): { fill: string; from: number; to: number }[] {
  return Array.from({ length: steps }, (_, k) => ({
    fill: seqColor((k + 0.5) / steps),
    from: (max * k) / steps,
    to: (max * (k + 1)) / steps,
  }));
}
