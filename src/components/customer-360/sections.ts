/**
 * The panels of the customer card, as plain render functions of a profile (no element state): identity,
 * key figures, RFM, outlook, actions, spend, preferences, timeline.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { cssProperties } from '../../styles/css-properties.js';
import { dayToIso, dayToMonthIndex } from '../../data/days.js';
import { layoutSpendSparkline, renderSpendSparkline } from '../../charts/spend-sparkline.js';
import type { Formatter } from '../../i18n/format.js';
import type { Locale } from '../../i18n/locales.js';
import type { MessageParams } from '../../i18n/messages.js';
import type { CustomerProfile } from '../../metrics/profile/profile.js';
import type { ValueTally } from '../../metrics/profile/value-tally.js';
import type { CustomerAction } from '../../metrics/profile/actions.js';
import { interpolate } from '../../i18n/messages.js';
import { seriesColor } from '../../styles/tokens.js';
import { channelSlots } from '../../charts/channel-colors.js';
import { valueLabel } from '../../i18n/values.js';
import { messages, type Customer360MessageKey } from './messages.js';
import { categoryListText, vehicleActionParams } from './vehicle-text.js';

/** What every panel needs to render text. */
export interface View {
  locale: Locale;
  fmt: Formatter;
}

export const tr = (v: View, key: Customer360MessageKey, params?: MessageParams) => messages.t(v.locale, key, params);

/** A string field of the customer record, or ''. */
export const recordText = (p: CustomerProfile, field: string): string => {
  const v = p.record?.[field];
  return typeof v === 'string' ? v : '';
};

/** The customer's display name: the record's name, else the id. */
export const displayName = (p: CustomerProfile) => recordText(p, 'name') || p.customerId;

export const panel = (id: string, title: string, body: unknown, cls = '') =>
  html`<section class="panel ${id} ${cls}" aria-labelledby="h-${id}">
    <h3 class="panel-title" id="h-${id}">${title}</h3>
    ${body}
  </section>`;

/** Region (translated) · province, as far as the record has them. */
export function placeText(v: View, p: CustomerProfile): string {
  const region = recordText(p, 'region');
  return [region && valueLabel(v.locale, 'region', region), recordText(p, 'province')].filter(Boolean).join(' · ');
}

export function renderIdentity(v: View, p: CustomerProfile, change: TemplateResult | typeof nothing): TemplateResult {
  const name = recordText(p, 'name');
  const type = recordText(p, 'type') && valueLabel(v.locale, 'customerType', recordText(p, 'type'));
  const place = placeText(v, p);
  const phone = recordText(p, 'phone');
  const email = recordText(p, 'email');
  const signup = p.record?.signup_date;
  const item = (label: string, value: unknown) =>
    value ? html`<div class="contact-item"><dt>${label}</dt><dd>${value}</dd></div>` : nothing;
  return html`<section class="identity" aria-labelledby="h-who">
    <div class="who">
      <h3 class="name" id="h-who">${name || p.customerId}</h3>
      ${change}
    </div>
    <dl class="contact">
      ${item(tr(v, 'customerId'), p.customerId)} ${item(tr(v, 'type'), type)} ${item(tr(v, 'region'), place)}
      ${item(tr(v, 'phone'), phone ? html`<a href="tel:${phone.replace(/[^\d+]/g, '')}">${phone}</a>` : '')}
      ${item(tr(v, 'email'), email ? html`<a href="mailto:${email}">${email}</a>` : '')}
      ${item(tr(v, 'signup'), typeof signup === 'number' && signup === signup ? v.fmt.day(signup) : '')}
    </dl>
  </section>`;
}

/** The key figures as (label, text) pairs, in display order. */
export function kpiItems(v: View, p: CustomerProfile): [string, string][] {
  return [
    [tr(v, 'revenue'), v.fmt.compactCurrency(p.revenue)],
    [tr(v, 'orders'), v.fmt.integer(p.orders)],
    [tr(v, 'aov'), v.fmt.currency(p.aov)],
    [tr(v, 'firstOrder'), v.fmt.day(p.firstOrder)],
    [tr(v, 'lastOrder'), v.fmt.day(p.lastOrder)],
    [tr(v, 'recency'), v.fmt.integer(p.recencyDays)],
  ];
}

export function renderKpis(v: View, p: CustomerProfile): TemplateResult {
  const body = p.found
    ? html`<dl class="kpi-grid">
        ${kpiItems(v, p).map(([label, value]) => html`<div class="kpi"><dt>${label}</dt><dd>${value}</dd></div>`)}
      </dl>`
    : html`<p class="note">${tr(v, 'noOrders', { date: v.fmt.day(p.asOf) })}</p>`;
  return panel('kpis', tr(v, 'kpis'), body);
}

export function renderRfm(v: View, p: CustomerProfile): TemplateResult {
  const r = p.rfm;
  const stage = p.lifecycle ? p.lifecycle.labels[v.locale] : tr(v, 'noStage');
  const chip = (letter: string, name: string, score: number, value: string) =>
    html`<li class="score s${score}" aria-label=${tr(v, 'scoreOf', { name, score, value })}>
      <span class="score-letter" aria-hidden="true">${letter}</span><span class="score-num" aria-hidden="true">${score}</span>
      <span class="score-value" aria-hidden="true">${value}</span>
    </li>`;
  return panel(
    'rfm',
    tr(v, 'rfm'),
    html`${r
        ? html`<ul class="scores">
            ${chip('R', tr(v, 'r'), r.r, tr(v, 'rValue', { count: r.recencyDays }))}
            ${chip('F', tr(v, 'f'), r.f, tr(v, 'fValue', { count: r.frequency }))}
            ${chip('M', tr(v, 'm'), r.m, v.fmt.compactCurrency(r.monetary))}
          </ul>`
        : nothing}
      <dl class="facts">
        ${r ? html`<div><dt>${tr(v, 'segment')}</dt><dd><span class="badge">${r.segment.labels[v.locale]}</span></dd></div>` : nothing}
        <div><dt>${tr(v, 'stage')}</dt><dd><span class="badge">${stage}</span></dd></div>
      </dl>`,
  );
}

/** An action's text and reason in the view's locale, placeholders filled and formatted. */
export function actionTexts(v: View, a: CustomerAction, p: CustomerProfile): { text: string; reason: string } {
  const params: Record<string, string> = {};
  for (const [k, raw] of Object.entries(a.params)) {
    params[k] =
      k === 'date' ? v.fmt.day(raw as number)
      : k === 'churn' ? v.fmt.percent(raw as number, 0)
      : k === 'segment' ? (p.rfm?.segment.id === raw ? p.rfm.segment.labels[v.locale] : String(raw))
      : k === 'category' || k === 'given' ? valueLabel(v.locale, 'category', String(raw))
      : k === 'categories' ? categoryListText(v, String(raw).split('|').filter(Boolean).map((c) => valueLabel(v.locale, 'category', c)))
      : k === 'share' ? v.fmt.percent(raw as number, 0)
      : k === 'lift' ? v.fmt.number(raw as number, 1)
      : typeof raw === 'number' ? v.fmt.integer(raw)
      : raw;
  }
  Object.assign(params, vehicleActionParams(v, a.params));
  return { text: interpolate(a.text[v.locale], params), reason: interpolate(a.reason[v.locale], params) };
}

export function renderActions(v: View, p: CustomerProfile, actions: CustomerAction[]): TemplateResult {
  return panel(
    'advice',
    tr(v, 'actions'),
    actions.length
      ? html`<ul class="action-list">
          ${actions.map((a) => {
            const { text, reason } = actionTexts(v, a, p);
            return html`<li class="action action-${a.id}">
              <span class="action-text">${text}</span>
              <span class="action-reason">${tr(v, 'because', { reason })}</span>
            </li>`;
          })}
        </ul>`
      : html`<p class="note">${tr(v, 'noActions')}</p>`,
  );
}

/** The spend sparkline's text alternative (period, total, peak, latest month). */
export function spendSummary(v: View, p: CustomerProfile): string {
  const { revenue, monthIndex } = p.monthly;
  let peak = 0;
  let total = 0;
  for (let i = 0; i < revenue.length; i++) {
    total += revenue[i];
    if (revenue[i] > revenue[peak]) peak = i;
  }
  return tr(v, 'spendSummary', {
    from: v.fmt.month(monthIndex[0]),
    to: v.fmt.month(monthIndex[monthIndex.length - 1]),
    total: v.fmt.currency(total, 0),
    peak: v.fmt.currency(revenue[peak], 0),
    peakMonth: v.fmt.month(monthIndex[peak]),
    last: v.fmt.currency(revenue[revenue.length - 1], 0),
  });
}

export function renderSpend(v: View, p: CustomerProfile, width: number, height?: number): TemplateResult | typeof nothing {
  const { revenue, monthIndex } = p.monthly;
  if (!revenue.length) return nothing;
  const from = v.fmt.month(monthIndex[0]);
  const to = v.fmt.month(dayToMonthIndex(p.asOf));
  const layout = layoutSpendSparkline(revenue, {
    width,
    height,
    valueLabel: (x) => v.fmt.compactCurrency(x),
    caption: tr(v, 'spendCaption', { name: displayName(p), from, to }),
    startLabel: from,
    endLabel: to,
  });
  return panel('spend', tr(v, 'spend'), html`<div class="spend-chart">${renderSpendSparkline(layout, spendSummary(v, p))}</div>`);
}

function shareBars(v: View, field: 'channel' | 'category', rows: ValueTally[], by: 'orders' | 'revenue', total: number) {
  // A channel has its colour from every other widget; categories (no colour of their own) share one.
  const slots = field === 'channel' ? channelSlots(rows.map((r) => r.value)) : [];
  return html`<ul class="shares">
    ${rows.map((row, i) => {
      const share = total > 0 ? row[by] / total : NaN;
      const label = valueLabel(v.locale, field, row.value);
      const value = by === 'orders' ? tr(v, 'fValue', { count: row.orders }) : v.fmt.currency(row.revenue, 0);
      return html`<li class="share" aria-label=${tr(v, 'share', { label, share: v.fmt.percent(share, 0), value })}>
        <span class="share-label" aria-hidden="true">${label}</span>
        <span class="share-value" aria-hidden="true">${v.fmt.percent(share, 0)}</span>
        <span class="share-track" aria-hidden="true"
          ><span class="share-bar" ${cssProperties({ width: `${Math.max(0, Math.min(1, share || 0)) * 100}%`, background: field === 'channel' ? seriesColor(slots[i]) : 'var(--crm-customer-360-category-color)' })}></span
        ></span>
      </li>`;
    })}
  </ul>`;
}

export function renderPreferences(v: View, p: CustomerProfile): TemplateResult | typeof nothing {
  if (!p.found) return nothing;
  const hasAny = p.channels.length || p.topCategories.length;
  return panel(
    'prefs',
    tr(v, 'preferences'),
    hasAny
      ? html`${p.channels.length
          ? html`<h4>${tr(v, 'channels')}</h4>${shareBars(v, 'channel', p.channels, 'orders', p.orders)}`
          : nothing}
        ${p.topCategories.length
          ? html`<h4>${tr(v, 'categories')}</h4>${shareBars(v, 'category', p.topCategories, 'revenue', p.revenue)}`
          : nothing}`
      : html`<p class="note">${tr(v, 'noPreferences')}</p>`,
  );
}

/** Interactions shown before "Show all". */
export const TIMELINE_PREVIEW = 6;

export function renderTimeline(v: View, p: CustomerProfile, expanded: boolean, toggle: () => void): TemplateResult {
  const items = expanded ? p.timeline : p.timeline.slice(0, TIMELINE_PREVIEW);
  return panel(
    'timeline',
    tr(v, 'timeline'),
    p.timeline.length
      ? html`<ol class="timeline-list">
            ${items.map(
              (x) => html`<li class="event kind-${(x.kind ?? 'other').toLowerCase()}">
                <span class="event-head">
                  <span class="event-kind">${x.kind ? valueLabel(v.locale, 'interactionKind', x.kind) : '—'}</span>
                  ${x.channel ? html`<span class="event-channel">${valueLabel(v.locale, 'channel', x.channel)}</span>` : nothing}
                  ${x.nps === x.nps
                    ? html`<span class="nps ${x.nps <= 6 ? 'detractor' : x.nps >= 9 ? 'promoter' : 'passive'}">${tr(v, 'nps', { nps: x.nps })}</span>`
                    : nothing}
                  <time class="event-date" datetime=${dayToIso(x.day)}>${v.fmt.day(x.day)}</time>
                </span>
                ${x.note ? html`<span class="event-note">${x.note}</span>` : nothing}
              </li>`,
            )}
          </ol>
          ${p.timeline.length > TIMELINE_PREVIEW
            ? html`<button class="more" aria-expanded=${expanded ? 'true' : 'false'} @click=${toggle}>
                ${expanded ? tr(v, 'showFewer') : tr(v, 'showAll', { count: p.timeline.length })}
              </button>`
            : nothing}`
      : html`<p class="note">${tr(v, 'noInteractions')}</p>`,
  );
}
