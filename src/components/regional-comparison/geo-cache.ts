import { prepareGeo, type GeoFeatureCollection } from '../../charts/choropleth.js';
import { codedError } from '../../i18n/coded-error.js';

/** Fetched and checked GeoJSON per absolute URL, shared by every widget on the page. */
const cache = new Map<string, Promise<GeoFeatureCollection>>();

/**
 * The GeoJSON at `url` (relative to the page), fetched once per URL and checked (`prepareGeo`). A failed load
 * is not cached, so Retry fetches again. Rejects with an Error naming the URL and what went wrong.
 */
export function loadGeo(url: string): Promise<GeoFeatureCollection> {
  const key = new URL(url, document.baseURI).href;
  let pending = cache.get(key);
  if (!pending) {
    pending = fetchGeo(key);
    cache.set(key, pending);
    pending.catch(() => cache.delete(key));
  }
  return pending;
}

async function fetchGeo(url: string): Promise<GeoFeatureCollection> {
  const response = await fetch(url);
  if (!response.ok) throw codedError(Error, 'geo-http', { status: `${response.status} ${response.statusText}`.trim() });
  let doc: unknown;
  try {
    doc = await response.json();
  } catch {
    throw codedError(Error, 'geo-not-json');
  }
  return prepareGeo(doc, 'GeoJSON');
}
