import { expect } from '@open-wc/testing';
import { geoBounds } from 'd3-geo';
import { matchPlaces, placeKey } from '../../src/geo/match-places.js';
import { countryCode, countryName, countryOf } from '../../src/geo/countries.js';
import { topologyFeatures, type Topology } from '../../src/geo/topojson.js';
import { worldMap } from '../../src/geo/world-map.js';
import { WORLD_ATTRIBUTION, WORLD_COUNTRIES_110M } from '../../src/geo/world-countries-110m.js';

let world: Awaited<ReturnType<typeof worldMap>>;

describe('geo: TopoJSON decoding, the country table, place matching', () => {
  before(async () => {
    world = await worldMap(WORLD_COUNTRIES_110M as Topology, WORLD_ATTRIBUTION);
  });

  it('decodes the world topology: 177 countries (176 without Antarctica), Brazil where it is', () => {
    const all = topologyFeatures(WORLD_COUNTRIES_110M as Topology, 'countries');
    expect(all.features).to.have.length(177);
    expect(world.geo.features).to.have.length(176);
    const brazil = world.geo.features.find((f) => f.properties!.name === 'Brazil')!;
    // Brazil spans about 74.0°W–34.8°W and 33.7°S–5.3°N (Natural Earth 1:110m simplifies the coast).
    const [[w, s], [e, n]] = geoBounds(brazil as never);
    expect([w, s, e, n].map((x) => Math.round(x))).to.deep.equal([-74, -34, -35, 5]);
    expect(() => topologyFeatures({ type: 'Topology', arcs: [], objects: {} } as Topology, 'countries')).to.throw(/geometry collection "countries"/);
  });

  it('knows each map country by ISO codes, English and Chinese names', () => {
    expect(countryCode('826', 'United Kingdom')).to.deep.equal({ alpha2: 'GB', alpha3: 'GBR', numeric: '826' });
    expect(countryCode(76, 'Brazil')).to.deep.equal({ alpha2: 'BR', alpha3: 'BRA', numeric: '076' });
    expect(countryCode(undefined, 'Kosovo')).to.deep.equal({ alpha2: 'XK', alpha3: 'XKX' });
    expect(countryCode(undefined, 'N. Cyprus')).to.equal(undefined);
    // 175 of the 176 areas have codes (N. Cyprus and Somaliland have none; Kosovo has XK).
    expect(world.geo.features.filter((f) => f.properties!.iso_a2).length).to.equal(174);
    expect(countryName({ alpha2: 'GB', alpha3: 'GBR' }, 'United Kingdom', 'zh-CN')).to.equal('英国');
    expect(countryOf('EIRE')?.alpha2).to.equal('IE');
    expect(countryOf('巴西')?.alpha2).to.equal('BR');
  });

  it('matches a UK-retail-like country list and names what the map does not show', () => {
    const keys = ['United Kingdom', 'Germany', 'France', 'EIRE', 'Spain', 'Netherlands', 'USA', 'RSA', 'Channel Islands', 'Unspecified', 'European Community', null];
    const { matched, unmatched } = matchPlaces(keys, world.areas);
    expect(Object.fromEntries(matched)).to.deep.equal({
      'United Kingdom': 'United Kingdom',
      Germany: 'Germany',
      France: 'France',
      EIRE: 'Ireland',
      Spain: 'Spain',
      Netherlands: 'Netherlands',
      USA: 'United States of America',
      RSA: 'South Africa',
    });
    expect(unmatched).to.deep.equal(['Channel Islands', 'Unspecified', 'European Community']);
    const codes = matchPlaces(['GB', 'deu', '250', '英国', '德国', "Côte d'Ivoire", 'cote divoire', 'Türkiye'], world.areas);
    expect([...codes.matched.values()]).to.deep.equal(['United Kingdom', 'Germany', 'France', 'United Kingdom', 'Germany', "Côte d'Ivoire", 'Turkey']);
    expect(codes.unmatched).to.deep.equal(['cote divoire']);
  });

  it('placeKey: case, accents, punctuation, "the", Chinese administrative suffixes', () => {
    expect(placeKey('  São Paulo ')).to.equal('sao paulo');
    expect(placeKey('The Netherlands')).to.equal('netherlands');
    expect(placeKey('Bosnia & Herz.')).to.equal('bosnia and herz');
    expect(placeKey('广东省')).to.equal('广东');
    expect(placeKey('广西壮族自治区')).to.equal('广西');
    expect(placeKey('香港特别行政区')).to.equal('香港');
  });
});

describe('choropleth colour scale', () => {
  it('linear from 0 in six classes (steps 2–7), quantile classes when one area dwarfs the rest', async () => {
    const { choroplethScale, choroplethFill } = await import('../../src/charts/choropleth.js');
    const even = choroplethScale([10, 20, 30, 60]);
    expect(even).to.deep.equal({ kind: 'linear', breaks: [10, 20, 30, 40, 50] });
    expect([0, 10, 35, 60].map((v) => choroplethFill(even, v))).to.deep.equal(['var(--crm-seq-2)', 'var(--crm-seq-3)', 'var(--crm-seq-5)', 'var(--crm-seq-7)']);
    // UK 820 against 30, 28, 26, 9, 9, 7: median 28 → 820 > 280 → quantile classes (type 7 at k/6).
    const skewed = choroplethScale([820, 30, 28, 26, 9, 9, 7]);
    expect(skewed.kind).to.equal('quantile');
    expect(skewed.breaks).to.deep.equal([9, 9, 26, 28, 30]);
    expect([7, 9, 27, 820].map((v) => choroplethFill(skewed, v))).to.deep.equal(['var(--crm-seq-2)', 'var(--crm-seq-4)', 'var(--crm-seq-5)', 'var(--crm-seq-7)']);
    expect(choroplethFill(choroplethScale([0, 0]), 0)).to.equal('var(--crm-seq-2)');
  });
});

describe('countryOf: places too small for the map still get their names', () => {
  it('Hong Kong and Singapore are known (labels), though the 1:110m map has no area for them', () => {
    expect(countryOf('Hong Kong')?.alpha2).to.equal('HK');
    expect(countryName(countryOf('Singapore'), 'Singapore', 'zh-CN')).to.equal('新加坡');
    expect(countryOf('Unspecified')).to.equal(undefined);
  });
});
