/**
 * Protocol results as JSON, losslessly: typed arrays, Maps, Sets, Dates and non-finite numbers (NaN thresholds
 * of an empty ntile group, say) are written as one-key marker objects and read back as themselves, so a result
 * that crossed HTTP is the same value a worker would have posted. Numbers are written by JSON.stringify (the
 * shortest text that reads back to the same double), so money and fitted parameters survive bit for bit.
 */

const TYPED = {
  Int8Array,
  Uint8Array,
  Uint8ClampedArray,
  Int16Array,
  Uint16Array,
  Int32Array,
  Uint32Array,
  Float32Array,
  Float64Array,
} as const;
type TypedName = keyof typeof TYPED;

const TYPED_MARK = '$typed';
const MAP_MARK = '$map';
const SET_MARK = '$set';
const DATE_MARK = '$date';
const NUMBER_MARK = '$number';

function encodeValue(raw: unknown): unknown {
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : { [NUMBER_MARK]: String(raw) };
  if (ArrayBuffer.isView(raw) && !(raw instanceof DataView)) {
    const name = raw.constructor.name as TypedName;
    if (!(name in TYPED)) throw new TypeError(`wire: cannot send a ${name}`);
    return { [TYPED_MARK]: name, values: Array.from(raw as unknown as ArrayLike<number>, (v) => (Number.isFinite(v) ? v : String(v))) };
  }
  if (raw instanceof Map) return { [MAP_MARK]: [...raw.entries()] };
  if (raw instanceof Set) return { [SET_MARK]: [...raw.values()] };
  if (raw instanceof Date) return { [DATE_MARK]: raw.getTime() };
  return raw;
}

/** A protocol value as JSON text. */
export function toWireJson(value: unknown): string {
  return JSON.stringify(value, function (this: Record<string, unknown>, key: string, value: unknown) {
    return encodeValue(key === '' ? value : this[key]);
  });
}

const fromNumberText = (v: unknown) => (typeof v === 'string' ? Number(v) : (v as number));

/** The value `toWireJson` wrote. */
export function fromWireJson<T = unknown>(text: string): T {
  return JSON.parse(text, (_key, value: unknown) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
    const o = value as Record<string, unknown>;
    const keys = Object.keys(o);
    if (keys.length === 2 && TYPED_MARK in o && Array.isArray(o.values)) {
      const Ctor = TYPED[o[TYPED_MARK] as TypedName];
      if (!Ctor) throw new TypeError(`wire: unknown array type ${String(o[TYPED_MARK])}`);
      return Ctor.from((o.values as unknown[]).map(fromNumberText));
    }
    if (keys.length !== 1) return value;
    if (MAP_MARK in o) return new Map(o[MAP_MARK] as [unknown, unknown][]);
    if (SET_MARK in o) return new Set(o[SET_MARK] as unknown[]);
    if (DATE_MARK in o) return new Date(o[DATE_MARK] as number);
    if (NUMBER_MARK in o) return Number(o[NUMBER_MARK]);
    return value;
  }) as T;
}
