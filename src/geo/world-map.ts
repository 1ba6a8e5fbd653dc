/**
 * The built-in world map of the regional comparison: countries from Natural Earth (src/geo/ATTRIBUTION.md),
 * decoded once per page, each area spelled by its ISO codes and English / Chinese names (src/geo/countries.ts).
 */
import { prepareGeo, type GeoFeatureCollection } from '../charts/choropleth.js';
import { countryCode, countrySpellings } from './countries.js';
import type { MapArea } from './match-places.js';
import { topologyFeatures, type Topology } from './topojson.js';
import { loadWorldData } from './world-data.js';

export interface WorldMap {
  geo: GeoFeatureCollection;
  areas: MapArea[];
  attribution: string;
}

let pending: Promise<WorldMap> | undefined;

/** The world countries map (fetched on first use, then shared; a failed load is retried next time). */
export function loadWorldMap(): Promise<WorldMap> {
  pending ??= loadWorldData().then(({ WORLD_COUNTRIES_110M, WORLD_ATTRIBUTION }) => worldMap(WORLD_COUNTRIES_110M as Topology, WORLD_ATTRIBUTION));
  pending.catch(() => (pending = undefined));
  return pending;
}

/** A new task: the decode, the rewinding and the spellings run as three tasks (about 40 ms together, cold). */
const nextTask = () => new Promise<void>((done) => setTimeout(done, 0));

/** The map of a world topology: countries without Antarctica (no customers there; it dwarfs the rest). */
export async function worldMap(topology: Topology, attribution: string, pause: () => Promise<void> = nextTask): Promise<WorldMap> {
  const all = topologyFeatures(topology, 'countries');
  all.features = all.features.filter((f) => f.id !== '010');
  await pause();
  const geo = prepareGeo(all, 'world map');
  await pause();
  const areas = geo.features.map((f): MapArea => {
    const name = f.properties!.name as string;
    const code = countryCode(f.id, name);
    if (code) f.properties = { ...f.properties, iso_a2: code.alpha2, iso_a3: code.alpha3 };
    return { name, spellings: countrySpellings(code, name) };
  });
  return { geo, areas, attribution };
}
