import { resolveVehicleSettings, type ServiceIntervalSettings } from '../../metrics/vehicles/settings.js';
import { codedError } from '../../i18n/coded-error.js';

const EXPECTED = '{"km": 10000, "months": 12, "byMake": {"<make>": {"km": …, "months": …}}}';

/**
 * The `service-interval` attribute (JSON) or property (object) as settings; undefined → the default rule.
 * Throws an Error naming the attribute (and the bad field) when the value cannot be used.
 */
export function parseServiceInterval(value: ServiceIntervalSettings | string | undefined | null): ServiceIntervalSettings | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string') return checked(value, JSON.stringify(value));
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    throw codedError(Error, 'attr-service-interval-json', { value, expected: EXPECTED });
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
    throw codedError(Error, 'attr-service-interval-object', { value, expected: EXPECTED });
  return checked(parsed as ServiceIntervalSettings, value);
}

function checked(settings: ServiceIntervalSettings, text: string): ServiceIntervalSettings {
  try {
    resolveVehicleSettings({ serviceInterval: settings });
  } catch (error) {
    throw codedError(Error, 'attr-service-interval', { value: text, reason: error instanceof Error ? error.message : String(error) }, error);
  }
  return settings;
}
