/**
 * How the card writes vehicles and their service due: "BYD Qin PLUS (京A***45)", "due in about 3 weeks /
 * 1,800 km", "overdue by about 2 months". Used by the vehicles section, the actions and the table rows.
 */
import { maskVehicleId } from '../../data/vehicle-id.js';
import type { MessageParams } from '../../i18n/messages.js';
import type { ServiceDue } from '../../metrics/vehicles/service-due.js';
import type { View } from './sections.js';
import { vehicleMessages, type VehicleMessageKey } from './vehicle-messages.js';

export const vt = (v: View, key: VehicleMessageKey, params?: MessageParams) => vehicleMessages.t(v.locale, key, params);

/** Make and model with the masked id: "BYD Qin PLUS (京A***45)"; either part alone when the other is missing. */
export function vehicleLabel(v: View, make: string | null, model: string | null, id: string | null): string {
  const name = [make, model].filter(Boolean).join(' ');
  const masked = id ? maskVehicleId(id) : '';
  if (name && masked) return v.locale === 'zh-CN' ? `${name}（${masked}）` : `${name} (${masked})`;
  return name || masked || vt(v, 'unnamed');
}

type Unit = 'day' | 'week' | 'month' | 'year';

/** The unit a span of days reads best in: days under 2 weeks, weeks under 8, months under 2 years. */
function spanUnit(days: number): [Unit, number] {
  const d = Math.abs(days);
  if (d < 14) return ['day', Math.round(d)];
  if (d < 56) return ['week', Math.round(d / 7)];
  if (d < 730) return ['month', Math.max(2, Math.round(d / 30.44))];
  return ['year', Math.round(d / 365.25)];
}

/** "due in about 3 weeks / 1,800 km", "overdue by about 2 months / 1,200 km over", "due today". */
export function dueText(v: View, daysLeft: number, kmLeft: number): string {
  if (!(daysLeft === daysLeft)) return vt(v, 'unknownDue');
  const [unit, count] = spanUnit(daysLeft);
  const when =
    count === 0 && unit === 'day'
      ? vt(v, 'dueToday')
      : vt(v, `${daysLeft < 0 ? 'overdue' : 'dueIn'}_${unit}` as VehicleMessageKey, { count });
  if (!(kmLeft === kmLeft)) return when;
  // Overdue by time while the km limit is still ahead: the km left would only confuse.
  if (daysLeft < 0 && kmLeft >= 0) return when;
  // Estimates: hundreds of km (tens below 1,000) are as precise as a mileage rate allows.
  const abs = Math.abs(kmLeft);
  const step = abs >= 1000 ? 100 : 10;
  const km = vt(v, kmLeft < 0 ? 'kmOver' : 'kmLeft', { km: v.fmt.integer(Math.round(abs / step) * step) });
  return `${when} / ${km}`;
}

/** The status word of a service. */
export function statusText(v: View, s: ServiceDue): string {
  return vt(v, `status_${s.status.replace('-', '_')}` as VehicleMessageKey);
}

/** Category labels as a list: "Lubricants and Filters", "机油和滤清器". */
export function categoryListText(v: View, labels: readonly string[]): string {
  return new Intl.ListFormat(v.locale, { type: 'conjunction' }).format(labels);
}

/**
 * The vehicle placeholders of an action, formatted: `{vehicle}` (make, model and masked id) and `{due}` (from
 * `daysLeft` / `kmLeft`); empty when the action names no vehicle.
 */
export function vehicleActionParams(v: View, params: Readonly<Record<string, string | number>>): Record<string, string> {
  if (!('vehicle' in params)) return {};
  const name = String(params.vehicleName ?? '');
  const space = name.indexOf(' ');
  return {
    vehicle: vehicleLabel(v, space > 0 ? name.slice(0, space) : name || null, space > 0 ? name.slice(space + 1) : null, String(params.vehicle) || null),
    due: dueText(v, Number(params.daysLeft), Number(params.kmLeft)),
  };
}
