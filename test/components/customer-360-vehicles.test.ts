// The customer card's vehicles panel and its service / offer actions, on a hand-made fixture whose numbers
// are worked out below (asOf 1 June 2024).
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import * as aq from 'arquero';
import '../../src/components/customer-360/index.js';
import type { CrmCustomer360 } from '../../src/components/customer-360/index.js';
import { isoToDay as day } from '../../src/data/days.js';
import type { CrmTables } from '../../src/data/types.js';
import { ordersTable, type OrderRow } from '../metrics/tables.js';
import { exported, parseCsv, q, qa, ready, text } from './customer-360-helpers.js';

/**
 * Customers t1–t6 bought tyres and brakes, t7–t9 tyres only, f1–f6 filters (f1 also lubricants), the car
 * owner v tyres, the fleet F filters. Over the 17 customers: tyres 10, brakes 6, both 6 — so tyres → brakes
 * has confidence 6/10 = 60 % and lift 0.6 / (6/17) = 1.7.
 */
function tables(): CrmTables {
  const rows: OrderRow[] = [];
  const buy = (id: string, category: string, date = '2024-03-01') => rows.push({ id, date, amount: 100, category, order: `${id}-${category}` });
  for (let i = 1; i <= 9; i++) buy(`t${i}`, 'tyres');
  for (let i = 1; i <= 6; i++) buy(`t${i}`, 'brakes');
  for (let i = 1; i <= 6; i++) buy(`f${i}`, 'filters');
  buy('f1', 'lubricants');
  buy('v', 'tyres', '2024-05-31');
  buy('F', 'filters', '2024-05-31');
  const orders = ordersTable(rows).assign(aq.table({ vehicle_id: rows.map((r) => (r.id === 'v' ? '粤B12345' : null)) }));
  const customers = aq.table({
    customer_id: ['v', 'F'],
    name: ['Wang Lei', 'Eastern Taxi'],
    type: ['consumer', 'fleet'],
  });
  const D = (iso: string) => day(iso);
  // v: serviced 20 Jun 2023 at 20,000 km, read 29,000 km on 20 May 2024 (9,000 km in 335 days).
  // F: four vehicles — one overdue, two due within 30 days, one in about 4 months.
  const vehicles = aq.table({
    customer_id: ['v', 'F', 'F', 'F', 'F'],
    vehicle_id: ['粤B12345', '沪A00001', '沪A00002', '沪A00003', '沪A00004'],
    make: ['BYD', 'Wuling', 'Wuling', 'Toyota', 'Toyota'],
    model: ['Qin PLUS', 'Hongguang', 'Hongguang', 'Corolla', 'Corolla'],
    year: Float64Array.from([2021, 2020, 2020, 2022, 2023]),
    mileage: Float64Array.from([29_000, NaN, NaN, NaN, NaN]),
    mileage_date: Float64Array.from([D('2024-05-20'), NaN, NaN, NaN, NaN]),
    last_service_date: Float64Array.from([D('2023-06-20'), D('2023-05-02'), D('2023-06-11'), D('2023-06-21'), D('2023-10-01')]),
    last_service_mileage: Float64Array.from([20_000, NaN, NaN, NaN, NaN]),
  });
  return { orders, customers, vehicles };
}

async function card(id: string, lang = 'en', extra: Partial<CrmCustomer360> = {}): Promise<CrmCustomer360> {
  const wrap = await fixture<HTMLDivElement>(html`<div style="width: 1000px"></div>`);
  const el = document.createElement('crm-customer-360') as CrmCustomer360;
  el.setAttribute('lang', lang);
  el.setAttribute('as-of', '2024-06-01');
  el.customerId = id;
  Object.assign(el, extra);
  el.tables = tables();
  wrap.append(el);
  await ready(el);
  return el;
}

const actions = (el: Element) => qa(el, '.action').map((a) => [text(a.querySelector('.action-text')), text(a.querySelector('.action-reason'))]);

describe('crm-customer-360: vehicles', () => {
  it('a car owner: make, model, year and age, mileage now, next service "due in about 3 weeks / 680 km"', async () => {
    const el = await card('v');
    const v = q(el, '.vehicles .vehicle')!;
    expect(text(v.querySelector('.vehicle-name'))).to.equal('BYD Qin PLUS');
    // The plate is masked; a 2021 model is 3 years old in 2024.
    expect(text(v.querySelector('.vehicle-sub'))).to.equal('粤B***45 · 2021 · 3 years old');
    // Due 20 Jun 2024 (12 months, 19 days away) before the km limit: 30,000 − (29,000 + 12 · 9000/335) = 678 km.
    expect(text(v.querySelector('.due-badge'))).to.equal('due in about 3 weeks / 680 km');
    expect(v.querySelector('.due-badge')!.classList.contains('due-due-soon')).to.equal(true);
    const facts = Object.fromEntries(qa(el, '.vehicle .fact').map((f) => [text(f.querySelector('dt')), text(f.querySelector('dd'))]));
    expect(facts.Mileage).to.equal('≈ 29,300 km read May 20, 2024 · 9,800 km a year, from its readings');
    expect(facts['Last service']).to.equal('Jun 20, 2023 at 20,000 km');
    expect(facts['Next service']).to.equal('Jun 20, 2024 · time limit first');
    expect(facts.Visits).to.equal('1 visit (1 a year)');
    expect(q(el, '.fleet-summary')).to.equal(null);
  });

  it('a car owner’s actions: the service reminder first, then the offer with its evidence (and onboarding)', async () => {
    const el = await card('v');
    expect(actions(el)).to.deep.equal([
      [
        'Send a service reminder for BYD Qin PLUS (粤B***45) and offer Lubricants and Filters.',
        'Why: Service due in about 3 weeks / 680 km (every 10,000 km or 12 months).',
      ],
      ['Offer Brakes.', 'Why: Bought by 60% of customers who bought Tyres, 1.7× the base rate.'],
      ['Onboard: welcome call, catalogue and a second-order offer.', 'Why: Segment: New Customers.'],
    ]);
  });

  it('in Chinese', async () => {
    const el = await card('v', 'zh-CN');
    expect(text(q(el, '.vehicles .due-badge'))).to.equal('约3周后到期 / 剩余680公里');
    expect(actions(el)).to.deep.equal([
      ['为BYD Qin PLUS（粤B***45）发送保养提醒，并推荐机油和滤清器。', '原因：保养约3周后到期 / 剩余680公里（每10,000公里或12个月）。'],
      ['推荐刹车片。', '原因：购买轮胎的客户中有60%也买了它，是平均水平的1.7倍。'],
      ['新客引导：欢迎回访、发送产品目录和复购优惠。', '原因：客户分群：新客户。'],
    ]);
  });

  it('a fleet: the list by due date and the count due in the next 30 days; one fleet plan', async () => {
    const el = await card('F');
    expect(text(q(el, '.fleet-summary'))).to.equal('4 vehicles 3 due in the next 30 days 1 overdue');
    // Due 2 May (30 days overdue), 11 Jun, 21 Jun, 1 Oct 2024.
    expect(qa(el, '.vehicle .due-badge').map(text)).to.deep.equal([
      'overdue by about 4 weeks',
      'due in 10 days',
      'due in about 3 weeks',
      'due in about 4 months',
    ]);
    expect(qa(el, '.vehicle').every((v) => v.classList.contains('compact'))).to.equal(true);
    expect(actions(el)[0]).to.deep.equal([
      'Plan a fleet service: 3 vehicles due within 30 days; offer Lubricants and Filters.',
      'Why: 1 already overdue; first: Wuling Hongguang (沪A***01), overdue by about 4 weeks.',
    ]);
  });

  it('the table view and CSV list the vehicles and their next service', async () => {
    const el = await card('F');
    const rows = parseCsv(await (await exported(el, 'csv')).blob.text());
    const byKey = (field: string) => rows.find((r) => r[0] === field)?.[1];
    expect(byKey('Vehicles')).to.equal('4');
    expect(byKey('Vehicles due in 30 days')).to.equal('3');
    expect(byKey('Vehicle 1')).to.equal('Wuling Hongguang (沪A***01)');
    expect(byKey('Vehicle 1: next service')).to.equal('2024-05-02');
  });

  it('service-interval: the attribute (JSON) and the property set the rule; bad values name the attribute', async () => {
    // Every 6 months: v's service was due 20 Dec 2023.
    const el = await card('v', 'en', { serviceInterval: { km: 10_000, months: 6 } });
    expect(text(q(el, '.vehicles .due-badge'))).to.equal('overdue by about 5 months');
    el.setAttribute('service-interval', '{"km":10000,"months":12,"byMake":{"BYD":{"months":24}}}');
    // With 24 months the km limit comes first: 1,000 km after the reading at 26.9 km a day → 26 June (25 days).
    await waitUntil(() => text(q(el, '.vehicles .due-badge')).startsWith('due in about 4 weeks'), 'BYD override applied (km first)');
    expect(text(q(el, '.vehicles .due-badge'))).to.equal('due in about 4 weeks / 680 km');
    el.setAttribute('service-interval', '{"km": -1}');
    await waitUntil(() => q(el, '[part~="error"]'), 'an error state');
    expect(text(q(el, '[part~="error"]'))).to.contain('service-interval').and.contain('serviceInterval.km');
  });

  it('is accessible', async () => {
    const el = await card('F');
    await expect(el).to.be.accessible();
  });
});
