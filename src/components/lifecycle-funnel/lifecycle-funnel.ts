import { css, html, nothing, type TemplateResult } from 'lit';
import { componentTokens } from '../../styles/tokens.js';
import { property } from 'lit/decorators.js';
import { orDefault } from '../base/converters.js';
import { CrmWidget, metricOptions, type WidgetComputeOptions } from '../base/crm-widget.js';
import type { TableData } from '../base/table-data.js';
import type { CrmTables } from '../../data/types.js';
import { layoutFunnel, renderFunnel, type FunnelStageDatum } from '../../charts/funnel-chart.js';
import {
  customersInStage,
  lifecycleFunnel,
  lifecycleStageMembership,
  stageMembership,
  type LifecycleFunnelResult,
  type LifecycleMode,
  type LifecycleOptions,
  type LifecycleStageResult,
  type StageDefinition,
} from '../../metrics/lifecycle/index.js';
import type { StageMembership } from '../../metrics/options.js';
import { funnelMessages, localizeReason } from './messages.js';
import { codedError } from '../../i18n/coded-error.js';

type MessageKey = keyof (typeof funnelMessages)['catalogs']['en'];

/** What the funnel computes: the metric result plus the exact inputs (so a selection lists the same customers). */
export interface LifecycleFunnelView {
  funnel: LifecycleFunnelResult;
  tables: CrmTables;
  options: LifecycleOptions;
}

const MODES: readonly LifecycleMode[] = ['auto', 'observed', 'declared'];

/**
 * `<crm-lifecycle-funnel>`: how many customers reached each lifecycle stage in order (awareness → consideration
 * → purchase → use → repurchase → advocacy by default), with conversion from the previous and from the first
 * stage, drop-off between stages and the median days between them (`lifecycleFunnel`, see
 * docs/metrics/lifecycle.md). Stages the data cannot show are drawn hatched with a dashed outline and the
 * reason in words, never as zero. Selecting a stage (click, Enter/Space) selects its customers
 * (`customersInStage`) and sets the linked filter's `stages`, which every other widget in the same
 * `<crm-data>` applies.
 *
 * @tag crm-lifecycle-funnel
 * @summary Lifecycle funnel: counts, conversion, drop-off and days between stages; select a stage to filter.
 *
 * @attr mode - `auto` (default: declared when `customers.lifecycle_stage` names stages, else observed),
 *   `observed` (from orders and interactions) or `declared` (from `customers.lifecycle_stage`; a note says so).
 * @attr align - `center` (default: a funnel) or `left` (bars from the left edge).
 * @prop stageDefinitions - custom stages (`StageDefinition[]`, in funnel order) replacing the six defaults.
 *   Property only; named so because the base's `stages` attribute is the stage FILTER (`CrmFilter.stages`).
 *   A selected stage travels to linked widgets with this funnel's definitions and mode (the selection's
 *   `stageMembership`), so they filter to exactly the stage's customers (`customersInStage`).
 *
 * @fires crm-stage-select - a stage was selected or cleared: `{ selection, filter, customerIds }`
 *   (`customerIds` = `customersInStage` of that stage with the same options).
 * @fires crm-filter-change - the linked filter changed (its `stages` field).
 * @fires crm-export - before an export downloads (cancelable; see docs/widgets-base.md).
 *
 * @slot heading - replaces the title text.
 *
 * @csspart base @csspart header @csspart title @csspart actions @csspart body @csspart chart @csspart table
 * @csspart tooltip @csspart empty @csspart error @csspart loading @csspart stale @csspart selection
 * @csspart button - the shared widget parts (docs/theming.md).
 * @csspart note - the line saying the counts come from declared stages (declared mode).
 *
 * @cssproperty --crm-lifecycle-funnel-bar-color - fill of the stage bars (default `--crm-series-1`).
 * @cssproperty --crm-lifecycle-funnel-unobservable-color - outline and hatching of unobservable stages
 *   (default `--crm-color-text-muted`).
 */
export class CrmLifecycleFunnel extends CrmWidget<LifecycleFunnelView> {
  static override styles = [
    ...CrmWidget.styles,
    css`
      ${componentTokens({
        'crm-lifecycle-funnel-bar-color': 'var(--crm-series-1)',
        'crm-lifecycle-funnel-unobservable-color': 'var(--crm-color-text-muted)',
      })}
      .funnel-chart .bar {
        fill: var(--crm-lifecycle-funnel-bar-color);
      }
      .funnel-chart .bar-label {
        font-weight: var(--crm-font-weight-strong);
      }
      .funnel-chart .bar-value {
        fill: var(--crm-color-text);
      }
      .funnel-step {
        fill: var(--crm-color-text-muted);
        font-size: 0.92em;
      }
      .funnel-note {
        fill: var(--crm-color-text);
        font-size: 0.92em;
      }
      .funnel-unobservable-box {
        fill: url(#crm-funnel-hatch);
        stroke: var(--crm-lifecycle-funnel-unobservable-color);
        stroke-width: 1.5;
        stroke-dasharray: 6 4;
      }
      .funnel-hatch {
        stroke: var(--crm-lifecycle-funnel-unobservable-color);
        stroke-opacity: 0.22;
        stroke-width: 3;
      }
      .unobservable .bar-label {
        fill: var(--crm-color-text-muted);
      }
      .note {
        margin: 0 0 var(--crm-space-sm);
        font-size: var(--crm-font-size-sm);
        color: var(--crm-color-text-muted);
      }
    `,
  ];

  /** `auto` | `observed` | `declared`: how stages are decided (passed to `lifecycleFunnel`). */
  @property({ converter: orDefault<LifecycleMode>('auto') }) mode: LifecycleMode = 'auto';
  /** `center` (a funnel) or `left`. */
  @property({ converter: orDefault<'center' | 'left'>('center') }) align: 'center' | 'left' = 'center';
  /** Custom stage definitions replacing the defaults (property only; see the class notes). */
  @property({ attribute: false }) stageDefinitions?: readonly StageDefinition[];

  private m(key: MessageKey, params?: Record<string, string | number>): string {
    return funnelMessages.t(this.resolvedLocale, key, params);
  }

  protected override computeArgs(): readonly unknown[] {
    return [this.mode, this.stageDefinitions];
  }

  protected override compute(tables: CrmTables, options: WidgetComputeOptions): LifecycleFunnelView {
    const mode = (this.mode || 'auto').trim() as LifecycleMode;
    if (!MODES.includes(mode)) throw codedError(Error, 'attr-lifecycle-mode', { value: String(this.mode) });
    const lifecycle: LifecycleOptions = {
      ...metricOptions(options),
      mode,
      ...(this.stageDefinitions ? { stages: this.stageDefinitions } : {}),
    };
    return { funnel: lifecycleFunnel(tables, lifecycle), tables, options: lifecycle };
  }

  protected override isEmpty(view: LifecycleFunnelView): boolean {
    return view.funnel.customersInScope === 0;
  }

  protected override defaultHeading(): string {
    return this.m('title');
  }

  private label(s: LifecycleStageResult): string {
    return s.labels[this.resolvedLocale] || s.labels.en || s.id;
  }

  /** A count in the chart: exact below 10,000, compact above (12.3K, 1.23万); tooltips and the table stay exact. */
  private count(n: number): string {
    return n >= 10_000 ? this.fmt.compact(n) : this.fmt.integer(n);
  }

  /** The observable stage before `index`, if any. */
  private previousObservable(stages: readonly LifecycleStageResult[], index: number): LifecycleStageResult | undefined {
    for (let i = index - 1; i >= 0; i--) if (stages[i].observable) return stages[i];
    return undefined;
  }

  private stepText(stages: readonly LifecycleStageResult[], i: number): string | undefined {
    const s = stages[i];
    if (!s.observable || s.conversionFromPrevious === null) return undefined;
    const f = this.fmt;
    const prev = this.previousObservable(stages, i)!;
    const rate = f.percent(s.conversionFromPrevious, 0);
    const parts = [
      stages[i - 1] === prev ? this.m('stepConversion', { rate }) : this.m('stepConversionFrom', { rate, stage: this.label(prev) }),
      this.m('stepDropOff', { count: f.integer(s.dropOff), rate: f.percent(s.dropOffRate, 0) }),
    ];
    if (s.medianDaysFromPrevious !== null) parts.push(this.m('stepDays', { count: f.number(s.medianDaysFromPrevious, 1) }));
    return parts.join(' · ');
  }

  private tooltipText(stages: readonly LifecycleStageResult[], i: number): string {
    const s = stages[i];
    const f = this.fmt;
    const lines = [this.label(s)];
    if (!s.observable) return [...lines, this.m('notObservable', { reason: localizeReason(s.reason ?? '', this.resolvedLocale) })].join('\n');
    lines.push(this.m('tipCustomers', { count: f.integer(s.customers) }));
    const first = stages.find((x) => x.observable)!;
    if (first !== s) lines.push(this.m('tipFromFirst', { rate: f.percent(s.conversionFromFirst), stage: this.label(first) }));
    const prev = this.previousObservable(stages, i);
    if (prev) {
      lines.push(
        this.m('tipFromPrevious', {
          rate: f.percent(s.conversionFromPrevious),
          stage: this.label(prev),
          count: f.integer(s.dropOff),
          dropRate: f.percent(s.dropOffRate),
        }),
      );
      if (s.medianDaysFromPrevious !== null)
        lines.push(this.m('tipDays', { count: f.number(s.medianDaysFromPrevious, 1), stage: this.label(prev), measured: f.integer(s.daysMeasured) }));
    }
    if (s.description && this.resolvedLocale === 'en' && this.size !== 'narrow') lines.push(s.description);
    return lines.join('\n');
  }

  /**
   * The hook saying who is in this funnel's stages (its definitions and mode), sent with a stage selection so
   * linked widgets resolve the stage as this funnel does. One per configuration: its identity is a memo key.
   */
  private membership(options: LifecycleOptions): StageMembership {
    const mode = options.mode ?? 'auto';
    if (!options.stages && mode === 'auto') return lifecycleStageMembership;
    const cached = this.memberships;
    if (cached && cached.stages === options.stages && cached.mode === mode) return cached.hook;
    const hook = stageMembership({ stages: options.stages, mode });
    this.memberships = { stages: options.stages, mode, hook };
    return hook;
  }

  private memberships?: { stages?: readonly StageDefinition[]; mode: LifecycleMode; hook: StageMembership };

  /** Select a stage's customers (an unobservable stage has none of its own: it is only announced). */
  private activate(view: LifecycleFunnelView, i: number): void {
    const s = view.funnel.stages[i];
    if (!s.observable) {
      this.announce(this.m('unobservableSelected', { stage: this.label(s) }));
      return;
    }
    const customerIds = customersInStage(view.tables, s.id, view.options);
    this.select('stage', s.id, { label: this.label(s), customerIds, stageMembership: this.membership(view.options) });
  }

  protected override renderChart(view: LifecycleFunnelView): TemplateResult {
    const stages = view.funnel.stages;
    const f = this.fmt;
    const data = stages.map(
      (s, i): FunnelStageDatum => ({
        key: s.id,
        label: this.label(s),
        value: s.observable ? s.customers : null,
        valueText: s.observable ? this.m('valueText', { count: this.count(s.customers!), share: f.percent(s.conversionFromFirst, 0) }) : '',
        note: s.observable ? undefined : this.m('notObservable', { reason: localizeReason(s.reason ?? '', this.resolvedLocale) }),
        stepText: this.stepText(stages, i),
        selected: this.selection?.kind === 'stage' && this.selection.value === s.id,
      }),
    );
    const handlers = this.markHandlers(stages.length, {
      activate: (i) => this.activate(view, i),
      tooltip: (i) => this.tooltipText(stages, i),
    });
    const layout = layoutFunnel(data, { width: this.width || 400, align: this.align === 'left' ? 'left' : 'center' });
    return html`${this.renderDeclaredNote(view.funnel)}${renderFunnel(layout, { label: this.headingText, handlers })}`;
  }

  private renderDeclaredNote(funnel: LifecycleFunnelResult): TemplateResult | typeof nothing {
    if (funnel.mode !== 'declared' || !funnel.declared) return nothing;
    const f = this.fmt;
    const { unassigned, unknownValues } = funnel.declared;
    const parts = [this.m('declaredNote', { count: f.integer(funnel.customersInScope) })];
    if (unassigned) parts.push(this.m('declaredUnassigned', { count: f.integer(unassigned) }));
    if (unknownValues.length)
      parts.push(this.m('declaredUnknown', { values: unknownValues.map((u) => `${u.value} (${f.integer(u.count)})`).join(', ') }));
    return html`<p part="note" class="note">${parts.join(' ')}</p>`;
  }

  protected override tableData(view: LifecycleFunnelView): TableData<LifecycleStageResult> {
    const locale = this.resolvedLocale;
    return {
      columns: [
        { key: 'stage', label: this.m('stage'), rowHeader: true, value: (s) => this.label(s) },
        {
          key: 'customers',
          label: this.m('customers'),
          kind: 'integer',
          format: (v) => (v === null || v === undefined ? this.m('notObservableShort') : this.fmt.integer(v as number)),
        },
        { key: 'conversionFromPrevious', label: this.m('fromPrevious'), kind: 'percent' },
        { key: 'conversionFromFirst', label: this.m('fromFirst'), kind: 'percent' },
        { key: 'dropOff', label: this.m('dropOff'), kind: 'integer' },
        { key: 'dropOffRate', label: this.m('dropOffRate'), kind: 'percent' },
        { key: 'medianDaysFromPrevious', label: this.m('medianDays'), kind: 'number' },
        {
          key: 'observable',
          label: this.m('observable'),
          value: (s) =>
            s.observable ? this.m('yes') : this.t('labelValue', { label: this.m('no'), value: localizeReason(s.reason ?? '', locale) }),
        },
      ],
      rows: view.funnel.stages,
    };
  }

  protected override summarize(view: LifecycleFunnelView): string {
    const stages = view.funnel.stages.filter((s) => s.observable);
    const f = this.fmt;
    const sentences: string[] = [];
    const first = stages[0];
    if (first) {
      const path = stages
        .slice(1)
        .map((s) => this.m('summaryPath', { rate: f.percent(s.conversionFromFirst, 0), stage: this.label(s) }))
        .join(this.m('summaryJoin'));
      let worst: LifecycleStageResult | undefined;
      for (const s of stages) if (s.dropOffRate !== null && (!worst || s.dropOffRate > worst.dropOffRate!)) worst = s;
      const parts = [path];
      if (worst) {
        const i = view.funnel.stages.indexOf(worst);
        const from = this.previousObservable(view.funnel.stages, i)!;
        parts.push(this.m('summaryDrop', { from: this.label(from), to: this.label(worst), rate: f.percent(worst.dropOffRate, 0) }));
      }
      sentences.push(
        this.m('summary', { total: f.integer(first.customers), first: this.label(first), path: parts.filter(Boolean).join(this.m('summarySep')) }),
      );
    }
    const hidden = view.funnel.stages.filter((s) => !s.observable);
    if (hidden.length) sentences.push(this.m('summaryUnobservable', { stages: hidden.map((s) => this.label(s)).join(', ') }));
    return sentences.join(' ');
  }
}
