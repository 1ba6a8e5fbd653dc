/**
 * A minimal TopoJSON → GeoJSON decoder for the map view: quantized, delta-encoded arcs (the TopoJSON 1.0
 * spec, "transform" and "arcs") stitched into the Polygon / MultiPolygon rings of one geometry collection.
 * That is all a country map needs, so it is written here rather than adding `topojson-client` (whose
 * `feature` does the same plus points, lines and nested collections, none of which a choropleth uses).
 */
import type { GeoFeature, GeoFeatureCollection } from '../charts/choropleth.js';

type Position = [number, number];

interface TopoGeometry {
  type: string;
  id?: string | number;
  properties?: Record<string, unknown>;
  arcs?: number[][] | number[][][];
}

export interface Topology {
  type: 'Topology';
  transform?: { scale: [number, number]; translate: [number, number] };
  arcs: Position[][];
  objects: Record<string, { type: 'GeometryCollection'; geometries: TopoGeometry[] }>;
}

/** Every arc in absolute coordinates (undoing the delta encoding and the quantization). */
function decodeArcs(topology: Topology): Position[][] {
  const t = topology.transform;
  if (!t) return topology.arcs;
  const [sx, sy] = t.scale;
  const [tx, ty] = t.translate;
  return topology.arcs.map((arc) => {
    let x = 0;
    let y = 0;
    return arc.map(([dx, dy]): Position => {
      x += dx;
      y += dy;
      return [x * sx + tx, y * sy + ty];
    });
  });
}

/** A ring from arc indices: index `~i` (negative) is arc i reversed; shared end points are not repeated. */
function ring(indices: number[], arcs: Position[][]): Position[] {
  const out: Position[] = [];
  for (const index of indices) {
    const arc = index < 0 ? [...arcs[~index]].reverse() : arcs[index];
    for (let k = out.length ? 1 : 0; k < arc.length; k++) out.push(arc[k]);
  }
  return out;
}

/**
 * The features of `topology.objects[name]` (Polygon and MultiPolygon geometries; others become features
 * without geometry). Throws naming the object when it is missing.
 */
export function topologyFeatures(topology: Topology, name: string): GeoFeatureCollection {
  const object = topology?.objects?.[name];
  if (topology?.type !== 'Topology' || !object || !Array.isArray(object.geometries))
    throw new Error(`TopoJSON: expected a Topology with a geometry collection "${name}"`);
  const arcs = decodeArcs(topology);
  const features = object.geometries.map((g): GeoFeature => {
    let geometry: GeoFeature['geometry'] = null;
    if (g.type === 'Polygon') geometry = { type: 'Polygon', coordinates: (g.arcs as number[][]).map((r) => ring(r, arcs)) };
    else if (g.type === 'MultiPolygon')
      geometry = { type: 'MultiPolygon', coordinates: (g.arcs as number[][][]).map((p) => p.map((r) => ring(r, arcs))) };
    return { type: 'Feature', ...(g.id !== undefined ? { id: g.id } : {}), properties: { ...(g.properties ?? {}) }, geometry };
  });
  return { type: 'FeatureCollection', features };
}
