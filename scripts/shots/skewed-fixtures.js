// Fixtures for `scripts/screenshots.ts --set skewed` (loaded in the gallery page): bases shaped like the two
// exports of issue 9 — a marketplace with 97 % one-time buyers in Brazilian states (reais), and a UK online
// retailer selling to 38 countries (pounds). Seeded, so the pictures are comparable run to run.
import { normalizeFeed } from '/src/data/normalize/index.ts';

function rng(seed) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

const AS_OF = Date.UTC(2024, 11, 31);
const iso = (daysBack) => new Date(AS_OF - daysBack * 86_400_000).toISOString().slice(0, 10);

function pickWeighted(r, entries) {
  const total = entries.reduce((s, [, w]) => s + w, 0);
  let x = r() * total;
  for (const [v, w] of entries) if ((x -= w) < 0) return v;
  return entries[entries.length - 1][0];
}

const STATES = [['SP', 40], ['RJ', 13], ['MG', 12], ['RS', 5.5], ['PR', 5], ['SC', 3.6], ['BA', 3.4], ['DF', 2.1], ['GO', 2], ['ES', 2], ['PE', 1.6], ['CE', 1.3], ['PA', 1], ['MT', 0.9], ['MA', 0.7], ['MS', 0.7], ['PB', 0.5], ['PI', 0.5], ['RN', 0.5], ['AL', 0.4], ['SE', 0.35], ['TO', 0.3], ['RO', 0.25], ['AM', 0.15], ['AC', 0.08], ['AP', 0.07], ['RR', 0.05]];

/** 3,000 customers, 97 % with one order, in 27 states; RR grows from 6 to 28 orders (a thin +352 %-style headline). */
export function marketplace() {
  const r = rng(9);
  const orders = [];
  for (let c = 0; c < 3000; c++) {
    const u = r();
    const n = u < 0.97 ? 1 : u < 0.99 ? 2 : u < 0.996 ? 3 : 4 + Math.floor(r() * 14);
    const state = pickWeighted(r, STATES);
    for (let k = 0; k < n; k++) {
      const back = Math.floor(r() * 720);
      orders.push({ order_id: `m${c}-${k}`, customer_id: `m${c}`, order_date: iso(back), amount: Math.round(40 + 400 * r() ** 2), state, currency: 'BRL' });
    }
  }
  for (let k = 0; k < 22; k++) orders.push({ order_id: `rr${k}`, customer_id: `rr${k % 9}`, order_date: iso(10 + k * 9), amount: 120, state: 'RR', currency: 'BRL' });
  return normalizeFeed({ orders }).tables;
}

const COUNTRIES = [['United Kingdom', 820], ['Germany', 30], ['France', 28], ['EIRE', 26], ['Spain', 9], ['Netherlands', 9], ['Belgium', 7], ['Switzerland', 6], ['Portugal', 5], ['Australia', 5], ['Norway', 4], ['Italy', 3.5], ['Channel Islands', 3], ['Finland', 2.5], ['Cyprus', 2], ['Sweden', 2], ['Unspecified', 1.8], ['Austria', 1.6], ['Denmark', 1.5], ['Japan', 1.4], ['Poland', 1.3], ['Israel', 1], ['USA', 1], ['Hong Kong', 0.9], ['Singapore', 0.8], ['Iceland', 0.6], ['Canada', 0.6], ['Greece', 0.5], ['Malta', 0.4], ['United Arab Emirates', 0.4], ['European Community', 0.3], ['RSA', 0.3], ['Lebanon', 0.2], ['Lithuania', 0.2], ['Brazil', 0.15], ['Czech Republic', 0.15], ['Bahrain', 0.1], ['Saudi Arabia', 0.05]];

/** 4,000 customers of a UK online retailer, two years of orders in pounds. */
export function ukRetail() {
  const r = rng(11);
  const orders = [];
  for (let c = 0; c < 4000; c++) {
    const country = pickWeighted(r, COUNTRIES);
    const n = 1 + Math.floor(r() ** 3 * 12);
    for (let k = 0; k < n; k++)
      orders.push({ order_id: `u${c}-${k}`, customer_id: `u${c}`, order_date: iso(Math.floor(r() * 730)), amount: Math.round(15 + 600 * r() ** 3), country, currency: 'GBP' });
  }
  return normalizeFeed({ orders }).tables;
}
