// Statistics over a generated sample bundle, shared by the sample tests (and handy when tuning the model).
import type { SampleBundle } from '../../src/sample/index.js';

const month = (iso: string) => Number(iso.slice(5, 7));

export function sampleStats(b: SampleBundle) {
  const revenue = new Map<string, number>();
  for (const o of b.orders) revenue.set(o.customer_id as string, (revenue.get(o.customer_id as string) ?? 0) + (o.amount as number));
  const spend = [...revenue.values()].sort((x, y) => y - x);
  const total = spend.reduce((s, v) => s + v, 0);
  const top20 = spend.slice(0, Math.ceil(spend.length * 0.2)).reduce((s, v) => s + v, 0) / total;

  const interacting = new Set(b.interactions.map((x) => x.customer_id as string));
  const prospects = b.customers.filter((c) => !revenue.has(c.customer_id as string));
  const prospectsWithInteractions = prospects.filter((c) => interacting.has(c.customer_id as string)).length;

  const share = (pred: (o: SampleBundle['orders'][number]) => boolean, months: number[]) => {
    const inMonths = b.orders.filter((o) => months.includes(month(o.order_date as string)));
    return inMonths.filter(pred).length / inMonths.length;
  };
  const batteries = (o: SampleBundle['orders'][number]) => o.category === 'batteries';
  const byStatus = (s: string) => b.orders.filter((o) => o.status === s).length / b.orders.length;
  const years = [...new Set(b.orders.map((o) => (o.order_date as string).slice(0, 4)))].sort();
  const onlineShare = (year: string) => {
    const inYear = b.orders.filter((o) => (o.order_date as string).startsWith(year));
    return inYear.filter((o) => o.channel === 'ecommerce' || o.channel === 'social').length / inYear.length;
  };
  const complainers = new Set(b.interactions.filter((x) => x.kind === 'complaint').map((x) => x.customer_id as string));
  const reviews = b.interactions.filter((x) => x.kind === 'review');
  const meanNps = (pred: (c: string) => boolean) => {
    const r = reviews.filter((x) => pred(x.customer_id as string));
    return r.reduce((s, x) => s + (x.nps as number), 0) / r.length;
  };
  // Ecommerce orders per day on 11 November against the other days of November.
  const nov = b.orders.filter((o) => month(o.order_date as string) === 11 && o.channel === 'ecommerce');
  const on11 = nov.filter((o) => (o.order_date as string).endsWith('-11')).length;
  const novDays = new Set(b.orders.filter((o) => month(o.order_date as string) === 11).map((o) => o.order_date)).size;
  const elevenDays = new Set(nov.filter((o) => (o.order_date as string).endsWith('-11')).map((o) => o.order_date)).size;
  return {
    orders: b.orders.length,
    customers: b.customers.length,
    interactions: b.interactions.length,
    top20RevenueShare: top20,
    prospects: prospects.length / b.customers.length,
    prospectsWithInteractions: prospectsWithInteractions / b.customers.length,
    batteryWinter: share(batteries, [12, 1, 2]),
    batterySummer: share(batteries, [6, 7, 8]),
    returned: byStatus('returned'),
    cancelled: byStatus('cancelled'),
    refunds: b.orders.filter((o) => (o.amount as number) < 0).length / b.orders.length,
    onlineFirstYear: onlineShare(years[0] === years.at(-1) ? years[0] : years[1]),
    onlineLastYear: onlineShare(years.at(-1)!),
    npsComplainers: meanNps((c) => complainers.has(c)),
    npsOthers: meanNps((c) => !complainers.has(c)),
    double11Lift: on11 / elevenDays / ((nov.length - on11) / (novDays - elevenDays)),
  };
}
