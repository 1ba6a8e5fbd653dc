/**
 * The card's outlook panel: churn risk, expected orders and CLV with their rank among customers, which model
 * they come from, the overdue note for long-silent customers, and the model check (predicted vs actual).
 */
import { html, nothing, type TemplateResult } from 'lit';
import { cssProperties } from '../../styles/css-properties.js';
import type { MessageParams } from '../../i18n/messages.js';
import type { CustomerProfile, ProfilePredictions } from '../../metrics/profile/profile.js';
import { churnLevel, type ChurnLevel } from '../../metrics/profile/actions.js';
import { btydModel } from '../../metrics/btyd/models.js';
import type { ModelCheck, PredictionsUnavailable } from '../../metrics/btyd/index.js';
import { outlookMessages, type OutlookMessageKey } from './outlook-messages.js';
import { panel, tr, type View } from './sections.js';

const ot = (v: View, key: OutlookMessageKey, params?: MessageParams) => outlookMessages.t(v.locale, key, params);

/**
 * A percentile rank as words. The top customer reads "the highest"; a rank that would round to 100 % reads
 * "top 1 %"; otherwise the share is floored, so "higher than 100 %" can never appear.
 */
export function rankText(v: View, pct: number, highest: boolean, lowest = false): string {
  if (highest) return ot(v, 'highestOf');
  if (pct >= 99) return ot(v, 'top1');
  // At the bottom, "higher than 0 %" says nothing: say where the customer is instead.
  if (lowest) return ot(v, 'lowestOf');
  if (pct < 1) return ot(v, 'bottom1');
  return ot(v, 'aboveShare', { pct: v.fmt.percent(Math.floor(pct) / 100, 0) });
}

/**
 * A churn risk as a percent that never overstates certainty: a risk that would round to 100 % reads "> 99 %",
 * one that would round to 0 % (but is not 0) "< 1 %".
 */
export function riskText(v: View, risk: number): string {
  if (risk >= 0.995 && risk < 1) return `> ${v.fmt.percent(0.99, 0)}`;
  if (risk > 0 && risk < 0.005) return `< ${v.fmt.percent(0.01, 0)}`;
  return v.fmt.percent(risk, 0);
}

/** The churn level shown: the risk's level, raised to at least `medium` when the customer is overdue. */
export function shownChurnLevel(pr: ProfilePredictions): ChurnLevel {
  const level = churnLevel(pr.churnRisk) ?? 'low';
  return pr.overdue && level === 'low' ? 'medium' : level;
}

const UNAVAILABLE_KEYS = {
  'too-few-customers': 'reason_too_few_customers',
  'too-few-repeat-buyers': 'reason_too_few_repeat_buyers',
  'fit-failed': 'reason_fit_failed',
  'not-converged': 'reason_not_converged',
} as const satisfies Record<PredictionsUnavailable['reason'], OutlookMessageKey>;

export function renderOutlook(v: View, p: CustomerProfile): TemplateResult | typeof nothing {
  if (!p.found) return nothing;
  const pr = p.predictions;
  if (!pr || !pr.available) {
    const text = pr
      ? ot(v, UNAVAILABLE_KEYS[pr.reason], { have: pr.have, need: pr.need, model: btydModel(pr.modelChoice.model).label })
      : tr(v, 'predictionsMissing');
    return panel('outlook', tr(v, 'outlook'), html`<p class="note" role="status">${text}</p>`);
  }
  const level = shownChurnLevel(pr);
  const silentDays = p.recencyDays;
  return panel(
    'outlook',
    tr(v, 'outlook'),
    html`<dl class="outlook-list">
        <div class="churn">
          <dt>${tr(v, 'churnRisk')}</dt>
          <dd>
            <span class="big">${riskText(v, pr.churnRisk)}</span>
            <span class="level level-${level}">${tr(v, 'churnLevel', { level: tr(v, `churn_${level}`) })}</span>
            <span class="meter" aria-hidden="true"><span ${cssProperties({ width: `${Math.round(pr.churnRisk * 100)}%` })}></span></span>
            <span class="sub">${rankText(v, pr.percentiles.churnRisk, pr.highest.churnRisk, pr.lowest.churnRisk)}</span>
          </dd>
        </div>
        <div>
          <dt>${tr(v, 'expectedOrders', { days: pr.horizonDays })}</dt>
          <dd><span class="big">${v.fmt.number(pr.expectedOrders, 1)}</span><span class="sub">${rankText(v, pr.percentiles.expectedOrders, pr.highest.expectedOrders, pr.lowest.expectedOrders)}</span></dd>
        </div>
        <div>
          <dt>${tr(v, 'clv', { months: pr.months })}</dt>
          <dd><span class="big">${v.fmt.compactCurrency(pr.clv)}</span><span class="sub">${rankText(v, pr.percentiles.clv, pr.highest.clv, pr.lowest.clv)}</span></dd>
        </div>
      </dl>
      ${pr.overdue
        ? html`<p class="note overdue">${ot(v, 'overdue', { days: v.fmt.integer(silentDays), gap: v.fmt.integer(Math.round(pr.typicalRepeatGapDays)) })}</p>`
        : nothing}
      <p class="note model">${ot(v, 'modelLine', { model: btydModel(pr.model).label, why: ot(v, `rule_${pr.modelRule}`) })}</p>
      ${renderModelCheck(v, pr.check, pr.model)}`,
  );
}

const CHECK_KEYS = {
  'short-history': 'check_short_history',
  'too-few-repeat-buyers': 'check_too_few_repeat_buyers',
  'no-holdout-purchases': 'check_no_holdout_purchases',
} as const satisfies Record<string, OutlookMessageKey>;

const MODEL_FAILED_KEYS = {
  'too-few-customers': 'model_too_little_data',
  'too-few-repeat-buyers': 'model_too_little_data',
  'fit-failed': 'model_fit_failed',
  'not-converged': 'model_not_converged',
} as const satisfies Record<PredictionsUnavailable['reason'], OutlookMessageKey>;

/** Signed error in %, or n/a when nothing actually happened in that row. */
function errorText(v: View, pct: number | null): string {
  if (pct === null) return ot(v, 'noError');
  const rounded = Math.round(pct);
  return `${rounded > 0 ? '+' : rounded < 0 ? '−' : ''}${v.fmt.percent(Math.abs(rounded) / 100, 0)}`;
}

/**
 * The holdout check of the model in use, as a disclosure with a real table (caption, header cells with scope),
 * so keyboard and screen-reader users get the same comparison; rows without customers are left out. When the
 * check cannot run, what is missing.
 */
export function renderModelCheck(v: View, check: ModelCheck, model: string): TemplateResult {
  if (!check.available) {
    return html`<p class="note check-missing">${ot(v, 'checkUnavailable', { why: ot(v, CHECK_KEYS[check.reason], { have: check.have, need: check.need }) })}</p>`;
  }
  const entry = check.models.find((m) => m.model === model);
  const scores = check.models
    .map((m) => (m.available ? `${m.label} ${v.fmt.percent(Math.round(m.customerErrorPct) / 100, 0)}` : ot(v, 'checkModelFailed', { model: m.label, why: ot(v, MODEL_FAILED_KEYS[m.reason]) })))
    .join(v.locale === 'zh-CN' ? '；' : '; ');
  const n = (x: number) => v.fmt.number(x, x < 100 ? 1 : 0);
  return html`<details class="check">
    <summary>${ot(v, 'check')}</summary>
    ${entry && entry.available
      ? html`<table class="check-table">
          <caption>${ot(v, 'checkCaption', { end: v.fmt.day(check.calibrationEnd), days: v.fmt.integer(check.holdoutDays) })}</caption>
          <thead>
            <tr>
              <th scope="col">${ot(v, 'purchasesBefore')}</th>
              <th scope="col">${ot(v, 'customers')}</th>
              <th scope="col">${ot(v, 'predicted')}</th>
              <th scope="col">${ot(v, 'actual')}</th>
              <th scope="col">${ot(v, 'error')}</th>
            </tr>
          </thead>
          <tbody>
            ${entry.rows.filter((r) => r.customers > 0).map(
              (r) => html`<tr>
                <th scope="row">${r.orMore ? ot(v, 'orMore', { count: r.calibrationPurchases }) : v.fmt.integer(r.calibrationPurchases)}</th>
                <td>${v.fmt.integer(r.customers)}</td>
                <td>${n(r.predicted)}</td>
                <td>${v.fmt.integer(r.actual)}</td>
                <td>${errorText(v, r.errorPct)}</td>
              </tr>`,
            )}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">${ot(v, 'total')}</th>
              <td>${v.fmt.integer(entry.total.customers)}</td>
              <td>${n(entry.total.predicted)}</td>
              <td>${v.fmt.integer(entry.total.actual)}</td>
              <td>${errorText(v, entry.total.errorPct)}</td>
            </tr>
          </tfoot>
        </table>`
      : nothing}
    ${check.models.length > 1 || !entry?.available ? html`<p class="note">${ot(v, 'modelScores', { list: scores })}</p>` : nothing}
  </details>`;
}
