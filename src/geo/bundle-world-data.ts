/**
 * Stands in for world-data.ts in the single-file bundle (see vite.config.ts): the world topology is the
 * sibling file `world-countries.js` (the ES build's chunk, a module without imports), found next to the
 * bundle through `import.meta.url`, so the bundle does not carry 110 KB of map for pages without a map.
 */
export const WORLD_DATA_FILE = 'world-countries.js';

export const loadWorldData = (): Promise<{ WORLD_COUNTRIES_110M: unknown; WORLD_ATTRIBUTION: string }> => {
  // A variable, not a literal: bundlers must not try to resolve the sibling file at build time.
  const file = WORLD_DATA_FILE;
  return import(/* @vite-ignore */ new URL(file, import.meta.url).href);
};
