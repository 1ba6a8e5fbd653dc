import { prepareGeo, type GeoFeatureCollection } from '../../charts/choropleth.js';
import { codedError } from '../../i18n/coded-error.js';

/** Fetched and checked GeoJSON per absolute URL and key property, shared by every widget on the page. */
const cache = new Map<string, Promise<GeoFeatureCollection>>();

/**
 * The GeoJSON at `url` (relative to the page), fetched once per URL and checked (`prepareGeo`, features keyed
 * by `properties[geoKey]`). A failed load
 * is not cached, so Retry fetches again. Rejects with an Error naming the URL and what went wrong.
 */
export function loadGeo(url: string, geoKey = 'name'): Promise<GeoFeatureCollection> {
  const href = new URL(url, document.baseURI).href;
  const key = `${geoKey}|${href}`;
  let pending = cache.get(key);
  if (!pending) {
    pending = fetchGeo(href, geoKey);
    cache.set(key, pending);
    pending.catch(() => cache.delete(key));
  }
  return pending;
}

async function fetchGeo(url: string, geoKey: string): Promise<GeoFeatureCollection> {
  const response = await fetch(url);
  if (!response.ok) throw codedError(Error, 'geo-http', { status: `${response.status} ${response.statusText}`.trim() });
  let doc: unknown;
  try {
    doc = await response.json();
  } catch {
    throw codedError(Error, 'geo-not-json');
  }
  return prepareGeo(doc, 'GeoJSON', geoKey);
}
