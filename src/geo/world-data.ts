/**
 * Loads the world topology lazily: a chunk of its own in the ES build (`dist/world-countries.js`, see
 * vite.config.ts), so pages that never show a world map never download it. The single-file bundle replaces
 * this module by bundle-world-data.ts.
 */
export const loadWorldData = (): Promise<{ WORLD_COUNTRIES_110M: unknown; WORLD_ATTRIBUTION: string }> => import('./world-countries-110m.js');
