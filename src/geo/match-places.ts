/**
 * Matching a grouping's values (countries, provinces, states…) to the areas of a map: exact first, then by a
 * normalized key (case, accents, punctuation, a leading "the", Chinese administrative suffixes). What does not
 * match is reported by name so the widget can say which places the map does not show.
 */
import type { GeoFeatureCollection } from '../charts/choropleth.js';

const CJK_SUFFIX = /(特别行政区|维吾尔自治区|壮族自治区|回族自治区|自治区|省|市)$/;

/** A place name reduced to what identifies it: "Côte d'Ivoire" → "cote d ivoire", "广东省" → "广东". */
export function placeKey(name: string): string {
  const text = name.normalize('NFKC').trim();
  const cjk = text.replace(CJK_SUFFIX, '');
  return (cjk || text)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[.,'’()\-_/]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^the /, '');
}

/** An area of the map and every spelling it may be given by. */
export interface MapArea {
  /** The feature's `properties.name` (the choropleth's key). */
  name: string;
  spellings: readonly string[];
}

export interface PlaceMatch {
  /** Group key → the area's name. */
  matched: Map<string, string>;
  /** Group keys (non-null) that no area matches, in the order given. */
  unmatched: string[];
}

/** Each key's area: by exact spelling, else by `placeKey`. Null keys (the "(unknown)" group) are skipped. */
export function matchPlaces(keys: readonly (string | null)[], areas: readonly MapArea[]): PlaceMatch {
  const exact = new Map<string, string>();
  const loose = new Map<string, string>();
  for (const a of areas)
    for (const s of a.spellings) {
      if (!exact.has(s)) exact.set(s, a.name);
      const k = placeKey(s);
      if (k && !loose.has(k)) loose.set(k, a.name);
    }
  const matched = new Map<string, string>();
  const unmatched: string[] = [];
  for (const key of keys) {
    if (key === null) continue;
    const area = exact.get(key) ?? loose.get(placeKey(key));
    if (area === undefined) unmatched.push(key);
    else matched.set(key, area);
  }
  return { matched, unmatched };
}

/**
 * The areas of a host's GeoJSON: spelled by `properties[geoKey]` (default `name`) and the feature `id`. Each
 * area is named by that property so the map and the data speak of the same thing.
 */
export function geoJsonAreas(geo: GeoFeatureCollection): MapArea[] {
  return geo.features.map((f) => {
    const name = f.properties!.name as string;
    return { name, spellings: f.id !== undefined ? [name, String(f.id)] : [name] };
  });
}
