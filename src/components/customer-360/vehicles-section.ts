/**
 * The customer card's vehicles panel: each vehicle with make, model, year and age, mileage (estimated for
 * asOf), repair frequency and its next service; fleets get a summary line (vehicles due in the next 30 days,
 * overdue) and the list sorted by due date, the first few shown. Plain render functions, no element state.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { dayToIso } from '../../data/days.js';
import { maskVehicleId } from '../../data/vehicle-id.js';
import type { CellValue } from '../base/table-data.js';
import type { CustomerVehicles, VehicleStatus } from '../../metrics/vehicles/customer-vehicles.js';
import type { View } from './sections.js';
import { dueText, statusText, vehicleLabel, vt } from './vehicle-text.js';

/** Vehicles shown before "Show all" (a fleet can have hundreds). */
export const VEHICLE_PREVIEW = 6;
/** Up to this many vehicles each get the full detail; more are listed compactly. */
const DETAILED = 3;

const sameInterval = (a: { km: number; months: number }, b: { km: number; months: number }) => a.km === b.km && a.months === b.months;

function lastServiceText(v: View, x: VehicleStatus): string {
  const s = x.service;
  if (!(s.lastServiceDay === s.lastServiceDay)) return vt(v, 'noService');
  const date = v.fmt.day(s.lastServiceDay);
  if (!(s.lastServiceKm === s.lastServiceKm)) return vt(v, 'lastServiceNoKm', { date });
  return vt(v, s.lastServiceKmEstimated ? 'lastServiceEstimated' : 'lastServiceValue', { date, km: v.fmt.integer(s.lastServiceKm) });
}

function nextServiceText(v: View, x: VehicleStatus, defaults: CustomerVehicles['interval']): string {
  const s = x.service;
  if (s.status === 'unknown') return vt(v, 'unknownDue');
  const parts = [v.fmt.day(s.dueDay), vt(v, s.rule === 'km' ? 'byKm' : 'byTime')];
  if (s.basis === 'schedule') parts.push(vt(v, 'schedule', { km: v.fmt.integer(s.dueKm) }));
  if (!sameInterval(s.interval, defaults)) parts.push(vt(v, 'intervalOf', { km: v.fmt.integer(s.interval.km), months: s.interval.months }));
  return parts.join(' · ');
}

function mileageText(v: View, x: VehicleStatus): { value: string; sub: string } {
  const s = x.service;
  const comma = v.locale === 'zh-CN' ? '，' : ', ';
  const rate = `${vt(v, 'perYear', { km: v.fmt.integer(Math.round(x.kmPerYear / 100) * 100) })}${comma}${vt(v, `rate_${s.rateSource}`)}`;
  if (!(s.mileageNow === s.mileageNow)) return { value: vt(v, 'noMileage'), sub: rate };
  return {
    value: vt(v, 'mileageValue', { km: v.fmt.integer(Math.round(s.mileageNow / 100) * 100) }),
    sub: `${vt(v, 'readOn', { date: v.fmt.day(s.lastReadingDay) })} · ${rate}`,
  };
}

function visitsText(v: View, x: VehicleStatus): string {
  return x.visits ? vt(v, 'visitsValue', { count: x.visits, rate: v.fmt.number(x.visitsPerYear, 1) }) : vt(v, 'noVisits');
}

function subLine(v: View, x: VehicleStatus): string {
  const age = x.ageYears === x.ageYears ? (x.ageYears <= 0 ? vt(v, 'ageNew') : vt(v, 'age', { count: x.ageYears })) : '';
  return [x.vehicleId ? maskVehicleId(x.vehicleId) : '', x.year === x.year ? String(x.year) : '', age].filter(Boolean).join(' · ');
}

function badge(v: View, x: VehicleStatus): TemplateResult {
  const s = x.service;
  const title = s.status === 'unknown' ? statusText(v, s) : `${statusText(v, s)}: ${v.fmt.day(s.dueDay)}`;
  return html`<span class="due-badge due-${s.status}" title=${title}>${dueText(v, s.daysLeft, s.kmLeft)}</span>`;
}

function vehicleItem(v: View, x: VehicleStatus, detailed: boolean, defaults: CustomerVehicles['interval']): TemplateResult {
  const name = [x.make, x.model].filter(Boolean).join(' ') || vt(v, 'unnamed');
  const mileage = mileageText(v, x);
  const head = html`<div class="vehicle-head">
    <span class="vehicle-name">${name}</span>${badge(v, x)}
  </div>`;
  if (!detailed) {
    const facts = [subLine(v, x), x.service.mileageNow === x.service.mileageNow ? mileage.value : ''].filter(Boolean).join(' · ');
    return html`<li class="vehicle compact due-${x.service.status}">${head}<span class="vehicle-sub">${facts}</span></li>`;
  }
  const fact = (label: string, value: string, sub = '') =>
    html`<div class="fact"><dt>${label}</dt><dd>${value} ${sub ? html`<span class="fact-sub">${sub}</span>` : nothing}</dd></div>`;
  return html`<li class="vehicle due-${x.service.status}">
    ${head}<span class="vehicle-sub">${subLine(v, x)}</span>
    <dl class="vehicle-facts">
      ${fact(vt(v, 'mileage'), mileage.value, mileage.sub)} ${fact(vt(v, 'lastService'), lastServiceText(v, x))}
      ${fact(vt(v, 'nextService'), nextServiceText(v, x, defaults))} ${fact(vt(v, 'visits'), visitsText(v, x))}
    </dl>
  </li>`;
}

/** The vehicles panel; nothing when the customer has no vehicle. */
export function renderVehicles(v: View, cv: CustomerVehicles | null, expanded: boolean, toggle: () => void): TemplateResult | typeof nothing {
  if (!cv || !cv.vehicles.length) return nothing;
  const list = cv.vehicles;
  const detailed = list.length <= DETAILED;
  const shown = expanded ? list : list.slice(0, VEHICLE_PREVIEW);
  const summary =
    list.length > 1
      ? html`<p class="fleet-summary">
          <span class="fleet-count">${vt(v, 'vehicleCount', { count: list.length })}</span>
          <span class="fleet-due ${cv.dueSoon ? 'has-due' : ''}">${vt(v, 'dueWithin', { count: cv.dueSoon, days: cv.dueSoonDays })}</span>
          ${cv.overdue ? html`<span class="fleet-overdue">${vt(v, 'overdueCount', { count: cv.overdue })}</span>` : nothing}
        </p>`
      : nothing;
  return html`<section class="panel vehicles ${detailed ? 'few' : 'fleet'}" aria-labelledby="h-vehicles">
    <h3 class="panel-title" id="h-vehicles">${vt(v, 'vehicles')}</h3>
    ${summary}
    <ul class="vehicle-list" aria-label=${vt(v, 'listLabel')}>
      ${shown.map((x) => vehicleItem(v, x, detailed, cv.interval))}
    </ul>
    ${list.length > VEHICLE_PREVIEW
      ? html`<button class="more" aria-expanded=${expanded ? 'true' : 'false'} @click=${toggle}>
          ${expanded ? vt(v, 'showFewerVehicles') : vt(v, 'showAllVehicles', { count: list.length })}
        </button>`
      : nothing}
    <p class="note rule">
      ${vt(v, 'rule', { km: v.fmt.integer(cv.interval.km), months: cv.interval.months, default: v.fmt.integer(cv.defaultKmPerYear) })}
    </p>
  </section>`;
}

/** The vehicles as rows of the card's table view / CSV: count, due soon, and each vehicle with its next service. */
export function vehicleRows(v: View, cv: CustomerVehicles | null): { key: string; field: string; value: CellValue; text: string }[] {
  if (!cv || !cv.vehicles.length) return [];
  const rows = [
    { key: 'vehicles', field: vt(v, 'vehicles'), value: cv.vehicles.length as CellValue, text: v.fmt.integer(cv.vehicles.length) },
    { key: 'vehicles_due', field: vt(v, 'vehiclesDueField', { days: cv.dueSoonDays }), value: cv.dueSoon, text: v.fmt.integer(cv.dueSoon) },
  ];
  cv.vehicles.forEach((x, i) => {
    const n = i + 1;
    const label = vehicleLabel(v, x.make, x.model, x.vehicleId);
    rows.push({ key: `vehicle_${n}`, field: vt(v, 'vehicleField', { n }), value: label, text: [label, subLine(v, x).split(' · ').slice(1).join(' · ')].filter(Boolean).join(' · ') });
    const s = x.service;
    rows.push({
      key: `vehicle_${n}_next_service`,
      field: vt(v, 'nextServiceField', { n }),
      value: s.dueDay === s.dueDay ? dayToIso(s.dueDay) : null,
      text: s.status === 'unknown' ? vt(v, 'unknownDue') : `${v.fmt.day(s.dueDay)} (${dueText(v, s.daysLeft, s.kmLeft)})`,
    });
  });
  return rows;
}

/** The vehicles' part of the card's text alternative: " 9 vehicles, 2 due in the next 30 days." ('' without). */
export function vehicleSummary(v: View, cv: CustomerVehicles | null): string {
  if (!cv || !cv.vehicles.length) return '';
  const text = vt(v, 'summaryVehicles', {
    vehicles: vt(v, 'vehicleCount', { count: cv.vehicles.length }),
    due: vt(v, 'dueWithin', { count: cv.dueSoon, days: cv.dueSoonDays }),
  });
  return v.locale === 'zh-CN' ? text : ` ${text}`;
}
