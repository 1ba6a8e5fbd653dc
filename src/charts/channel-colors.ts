import { KNOWN_CHANNELS } from '../data/schema.js';

/**
 * Colour (and texture) slot of each channel, so a channel has the same colour in every widget: the known
 * channels always 0–3 (`KNOWN_CHANNELS` order: store, ecommerce, social, phone → `--crm-series-1…4`), other
 * channels 4–6 in the order given, no channel (`null`) 7. Use with `seriesColor(slot)`.
 */
export function channelSlots(keys: readonly (string | null)[]): number[] {
  let other = 0;
  return keys.map((key) => {
    if (key === null) return 7;
    const known = (KNOWN_CHANNELS as readonly string[]).indexOf(key.toLowerCase());
    return known >= 0 ? known : 4 + (other++ % 3);
  });
}
