/**
 * Vehicles of the sample's car owners and fleets: a make/model mix typical of the Chinese market (domestic
 * brands and the joint ventures; fleets of taxis, ride-hailing cars and light vans), plates or VINs, model
 * years, a steady mileage rate per vehicle, and a service history simulated against a 10,000 km / 12 month
 * schedule (20,000 km / 24 months for Tesla) with late owners, so some vehicles are due and some overdue.
 * Orders and complaints of those customers name one of their vehicles (one they owned on that day). The
 * sample's `service` interactions are technical support for the trade, so they are not tied to vehicles (a
 * tied service interaction would count as the vehicle's last service).
 *
 * Every random draw comes from streams of its own (keys 6n + i and 7n, 7n + 1), so adding vehicles changes
 * nothing else of a sample with a given seed.
 */
import { isoToDay, dayToIso } from '../data/days.js';
import { KNOWN_INTERACTION_KINDS } from '../data/schema.js';
import { vinCheckDigit } from '../data/vehicle-id.js';
import { Random, cumulative } from './random.js';
import { SAMPLE_CITIES } from './china.js';
import { CONSUMER, CUSTOMER_TYPES } from './profiles.js';
import type { ResolvedSampleOptions, SampleCustomers, SampleInteractions, SampleOrders, SampleVehicles } from './columns.js';

/** make, model, weight among car owners, weight in fleets, electric, first model year on sale. */
type ModelRow = readonly [make: string, model: string, owners: number, fleets: number, ev: boolean, since: number];

/** Makes and models of the sample (shares loosely follow Chinese passenger-car sales of the 2020s). */
export const VEHICLE_MODELS: readonly ModelRow[] = [
  ['BYD', 'Qin PLUS', 8, 10, true, 2021],
  ['BYD', 'Song PLUS', 6, 0, true, 2020],
  ['BYD', 'Han', 3, 0, true, 2020],
  ['BYD', 'Dolphin', 4, 2, true, 2021],
  ['Volkswagen', 'Lavida', 7, 6, false, 2000],
  ['Volkswagen', 'Sagitar', 5, 1, false, 2000],
  ['Volkswagen', 'Magotan', 3, 0, false, 2000],
  ['Volkswagen', 'Santana', 2, 8, false, 2000],
  ['Volkswagen', 'Tiguan L', 3, 0, false, 2017],
  ['Toyota', 'Corolla', 5, 5, false, 2000],
  ['Toyota', 'Camry', 4, 1, false, 2000],
  ['Toyota', 'RAV4', 3, 0, false, 2000],
  ['Honda', 'Civic', 4, 0, false, 2000],
  ['Honda', 'Accord', 3, 0, false, 2000],
  ['Honda', 'CR-V', 3, 0, false, 2000],
  ['Nissan', 'Sylphy', 6, 4, false, 2000],
  ['Geely', 'Emgrand', 4, 3, false, 2000],
  ['Geely', 'Xingyue L', 2, 0, false, 2021],
  ['Changan', 'CS75 PLUS', 4, 0, false, 2019],
  ['Changan', 'Eado', 3, 2, false, 2000],
  ['Haval', 'H6', 5, 1, false, 2000],
  ['Buick', 'GL8', 2, 3, false, 2000],
  ['Buick', 'Excelle', 2, 1, false, 2000],
  ['Tesla', 'Model Y', 3, 0, true, 2021],
  ['Tesla', 'Model 3', 2, 0, true, 2019],
  ['Chery', 'Tiggo 8', 3, 0, false, 2018],
  ['Wuling', 'Hongguang MINI EV', 4, 0, true, 2020],
  ['Wuling', 'Hongguang', 2, 8, false, 2000],
  ['Foton', 'Aumark', 0, 6, false, 2000],
];

/** World manufacturer identifiers (VIN positions 1–3) of the makes' Chinese plants. */
const WMI: Readonly<Record<string, readonly string[]>> = {
  BYD: ['LGX', 'LC0'], Volkswagen: ['LFV', 'LSV'], Toyota: ['LFM', 'LVG'], Honda: ['LHG', 'LVH'], Nissan: ['LGB'],
  Geely: ['L6T'], Changan: ['LS5'], Haval: ['LGW'], Buick: ['LSG'], Tesla: ['LRW'], Chery: ['LVV'], Wuling: ['LZW'],
  Foton: ['LVB'],
};

/** Plate prefix of each province (the one-character abbreviation). */
const PROVINCE_PLATE: Readonly<Record<string, string>> = {
  上海: '沪', 江苏: '苏', 浙江: '浙', 安徽: '皖', 福建: '闽', 江西: '赣', 山东: '鲁', 广东: '粤', 广西: '桂', 海南: '琼',
  北京: '京', 天津: '津', 河北: '冀', 山西: '晋', 内蒙古: '蒙', 河南: '豫', 湖北: '鄂', 湖南: '湘', 重庆: '渝', 四川: '川',
  贵州: '贵', 云南: '云', 西藏: '藏', 陕西: '陕', 甘肃: '甘', 青海: '青', 宁夏: '宁', 新疆: '新', 辽宁: '辽', 吉林: '吉',
  黑龙江: '黑',
};

/** Characters of VINs and plates (no I, O, Q). */
const VIN_CHARS = 'ABCDEFGHJKLMNPRSTUVWXYZ0123456789';
const PLATE_LETTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
/** VIN position 10: model year 2010 = A … 2030 = Y (I, O, Q, U, Z and 0 are skipped). */
const YEAR_CODES = 'ABCDEFGHJKLMNPRSTVWXY';

const OWNER_CUM = cumulative(VEHICLE_MODELS.map((m) => m[2]));
const FLEET_CUM = cumulative(VEHICLE_MODELS.map((m) => m[3]));
const FLEET = CUSTOMER_TYPES.indexOf('fleet');
const COMPLAINT_KIND = KNOWN_INTERACTION_KINDS.indexOf('complaint');
const DAYS_PER_MONTH = 30.44;

/** Service schedule of the sample's simulated owners: km and months between services. */
function schedule(make: string): { km: number; months: number } {
  return make === 'Tesla' ? { km: 20000, months: 24 } : { km: 10000, months: 12 };
}

function vin(rng: Random, make: string, year: number): string {
  const wmis = WMI[make] ?? ['LSV'];
  let s = wmis[rng.int(wmis.length)]!;
  for (let i = 0; i < 5; i++) s += VIN_CHARS[rng.int(VIN_CHARS.length)];
  s += '0'; // check digit placeholder
  s += YEAR_CODES[Math.max(0, Math.min(YEAR_CODES.length - 1, year - 2010))];
  s += VIN_CHARS[rng.int(23)]; // plant
  for (let i = 0; i < 6; i++) s += String(rng.int(10));
  return s.slice(0, 8) + vinCheckDigit(s)! + s.slice(9);
}

/** A mistyped VIN (one character swapped for another): what real exports contain now and then. */
function typo(rng: Random, id: string): string {
  const pos = [3, 4, 5, 6, 11, 12, 13, 14, 15, 16][rng.int(10)]!;
  const c = VIN_CHARS[(VIN_CHARS.indexOf(id[pos]!) + 1 + rng.int(VIN_CHARS.length - 1)) % VIN_CHARS.length];
  return id.slice(0, pos) + c + id.slice(pos + 1);
}

function plate(rng: Random, city: number, ev: boolean): string {
  const c = SAMPLE_CITIES[city]!;
  const rank = SAMPLE_CITIES.filter((x) => x.province === c.province).indexOf(c);
  let s = (PROVINCE_PLATE[c.province] ?? '京') + PLATE_LETTERS[Math.min(rank, PLATE_LETTERS.length - 1)];
  if (ev) {
    s += rng.chance(0.8) ? 'D' : 'F';
    for (let i = 0; i < 5; i++) s += String(rng.int(10));
    return s;
  }
  for (let i = 0; i < 5; i++) s += rng.chance(0.75) ? String(rng.int(10)) : PLATE_LETTERS[rng.int(PLATE_LETTERS.length)];
  return s;
}

/** Vehicles per customer: car owners one (some two), fleets 4–60 (most around a dozen), others none. */
function vehicleCount(rng: Random, type: number): number {
  if (type === CONSUMER) return rng.chance(0.12) ? 2 : 1;
  if (type === FLEET) return Math.min(60, 4 + Math.round(rng.gamma(1.6, 6)));
  return 0;
}

class VehicleRows {
  count = 0;
  vehicle: number[] = [];
  mileage: number[] = [];
  mileageDay: number[] = [];
  lastServiceDay: number[] = [];
  lastServiceKm: number[] = [];
  add(vehicle: number, mileage: number, mileageDay: number, serviceDay: number, serviceKm: number): void {
    this.vehicle.push(vehicle);
    this.mileage.push(mileage);
    this.mileageDay.push(mileageDay);
    this.lastServiceDay.push(serviceDay);
    this.lastServiceKm.push(serviceKm);
    this.count++;
  }
}

/**
 * The vehicles table of a sample, and the vehicle of each order and interaction (−1: none). Called after the
 * purchase simulation; reads the customers' types and cities.
 */
export function generateVehicles(
  opts: ResolvedSampleOptions,
  customers: SampleCustomers,
  orders: SampleOrders,
  interactions: SampleInteractions,
): { vehicles: SampleVehicles; orderVehicle: Int32Array; interactionVehicle: Int32Array } {
  const n = customers.count;
  const endYear = Number(dayToIso(opts.endDay).slice(0, 4));
  const ids: string[] = [];
  const owner: number[] = [];
  const model: number[] = [];
  const year: number[] = [];
  const bought: number[] = [];
  const first = new Int32Array(n + 1); // customer → its first vehicle index (vehicles of customer i: first[i] … first[i+1]−1)
  const rows = new VehicleRows();
  for (let i = 0; i < n; i++) {
    first[i] = ids.length;
    const type = customers.type[i]!;
    const rng = Random.derive(opts.seed, 6 * n + i);
    const count = vehicleCount(rng, type);
    const fleet = type === FLEET;
    for (let k = 0; k < count; k++) {
      const m = rng.pickCumulative(fleet ? FLEET_CUM : OWNER_CUM);
      const [make, , , , ev, since] = VEHICLE_MODELS[m]!;
      // Fleets renew every few years; private cars are kept longer.
      const age = Math.min(endYear - 2010, Math.floor(fleet ? rng.exponential(2.5) : rng.gamma(2, 2.6)));
      const y = Math.min(endYear, Math.max(since, endYear - age));
      const purchase = Math.min(opts.endDay - 20, isoToDay(`${y}-01-01`) + rng.between(-150, 240));
      const kmPerDay = (fleet ? rng.logNormal(55000, 0.4) : rng.logNormal(ev ? 13000 : 11000, 0.45)) / 365.25;
      const id = fleet || rng.chance(0.7) ? plate(rng, customers.city[i]!, ev) : vin(rng, make, y);
      ids.push(id.length === 17 && rng.chance(0.02) ? typo(rng, id) : id);
      owner.push(i);
      model.push(m);
      year.push(y);
      bought.push(purchase);
      const v = ids.length - 1;

      // Services at whichever of km / months comes first, late by a personal habit (a quarter are late owners).
      const { km, months } = schedule(make);
      const lateness = rng.chance(0.25) ? rng.between(20, 60) / 100 : 0;
      let serviceDay = NaN;
      for (let d = purchase; ; ) {
        const due = Math.min(d + months * DAYS_PER_MONTH, d + km / kmPerDay);
        const next = Math.round(due + lateness * (due - d) + 12 * rng.normal());
        if (next > opts.endDay || next <= d) break;
        serviceDay = d = next;
      }
      const kmAt = (day: number) => Math.max(0, Math.round(kmPerDay * (day - purchase)));
      const readDay = Math.max(purchase, opts.endDay - rng.int(240));
      const hasReading = rng.chance(0.88);
      const hasService = serviceDay === serviceDay && rng.chance(0.9);
      rows.add(
        v,
        hasReading ? kmAt(readDay) : NaN,
        hasReading ? readDay : NaN,
        hasService ? serviceDay : NaN,
        hasService && rng.chance(0.85) ? kmAt(serviceDay) : NaN,
      );
      // An older odometer reading on its own row for some vehicles (rows of one vehicle share its id).
      const olderDay = readDay - rng.between(120, 540);
      if (hasReading && olderDay > purchase && rng.chance(0.25)) rows.add(v, kmAt(olderDay), olderDay, NaN, NaN);
    }
  }
  first[n] = ids.length;

  // Orders and complaints of car owners and fleets name one of the vehicles they had on that day.
  const pick = (rng: Random, c: number, day: number) => {
    const k = first[c + 1]! - first[c]!;
    if (k === 0) return -1;
    const v = first[c]! + rng.int(k);
    return bought[v]! <= day ? v : -1;
  };
  const orderVehicle = new Int32Array(orders.count).fill(-1);
  const tieOrders = Random.derive(opts.seed, 7 * n);
  for (let r = 0; r < orders.count; r++) {
    const c = orders.customer[r]!;
    if (tieOrders.chance(customers.type[c] === FLEET ? 0.75 : 0.9)) orderVehicle[r] = pick(tieOrders, c, orders.day[r]!);
  }
  const interactionVehicle = new Int32Array(interactions.count).fill(-1);
  const tieInteractions = Random.derive(opts.seed, 7 * n + 1);
  for (let r = 0; r < interactions.count; r++) {
    if (interactions.kind[r] === COMPLAINT_KIND && tieInteractions.chance(0.8))
      interactionVehicle[r] = pick(tieInteractions, interactions.customer[r]!, interactions.day[r]!);
  }

  const vehicles: SampleVehicles = {
    count: rows.count,
    vehicle: Int32Array.from(rows.vehicle),
    mileage: Float64Array.from(rows.mileage),
    mileageDay: Float64Array.from(rows.mileageDay),
    lastServiceDay: Float64Array.from(rows.lastServiceDay),
    lastServiceKm: Float64Array.from(rows.lastServiceKm),
    ids,
    owner: Int32Array.from(owner),
    model: Uint8Array.from(model),
    year: Int16Array.from(year),
  };
  return { vehicles, orderVehicle, interactionVehicle };
}
