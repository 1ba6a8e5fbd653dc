import { css } from 'lit';
import { componentTokens } from '../../styles/tokens.js';

/**
 * Styles of `<crm-customer-360>`: panels in a grid that goes from one column (narrow) to two (medium) and
 * three (wide); every colour from a token or a `--crm-customer-360-*` variable.
 */
export const customer360Styles = css`
  ${componentTokens({
    'crm-customer-360-panel-bg': 'var(--crm-color-surface)',
    'crm-customer-360-line-color': 'var(--crm-series-1)',
    'crm-customer-360-area-color': 'var(--crm-series-1)',
    'crm-customer-360-category-color': 'var(--crm-series-6)',
    'crm-customer-360-risk-low': 'var(--crm-color-positive)',
    'crm-customer-360-risk-medium': 'var(--crm-color-warning)',
    'crm-customer-360-risk-high': 'var(--crm-color-negative)',
  })}
  .c360 {
    display: flex;
    flex-direction: column;
    gap: var(--crm-space-md);
    min-width: 0;
  }
  h3,
  h4,
  p,
  dl,
  dd,
  ul,
  ol {
    margin: 0;
    padding: 0;
  }
  ul,
  ol {
    list-style: none;
  }
  dt {
    color: var(--crm-color-text-muted);
    font-size: var(--crm-font-size-sm);
  }
  .note {
    color: var(--crm-color-text-muted);
  }
  .notice {
    padding: var(--crm-space-sm) var(--crm-space-md);
    border: 1px solid var(--crm-color-warning);
    background: var(--crm-color-warning-bg);
    border-radius: var(--crm-radius-sm);
    overflow-wrap: anywhere;
  }
  /* identity */
  .identity {
    display: flex;
    flex-direction: column;
    gap: var(--crm-space-sm);
    min-width: 0;
  }
  .who {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--crm-space-sm);
  }
  .name {
    font-size: var(--crm-font-size-xl);
    font-weight: var(--crm-font-weight-strong);
    overflow-wrap: anywhere;
    min-width: 0;
  }
  .contact {
    display: flex;
    flex-wrap: wrap;
    gap: var(--crm-space-xs) var(--crm-space-lg);
  }
  .contact-item {
    min-width: 0;
    overflow-wrap: anywhere;
  }
  a {
    color: var(--crm-color-accent);
  }
  /* picker */
  .picker {
    position: relative;
    display: flex;
    flex-direction: column;
    gap: var(--crm-space-xs);
    max-width: 32rem;
  }
  .picker-label {
    font-size: var(--crm-font-size-sm);
    color: var(--crm-color-text-muted);
  }
  .picker-input {
    font: inherit;
    width: 100%;
    min-height: 2.25rem;
    padding: var(--crm-space-xs) var(--crm-space-sm);
    color: var(--crm-color-text);
    background: var(--crm-color-bg);
    border: 1px solid var(--crm-color-border);
    border-radius: var(--crm-radius-sm);
  }
  .picker-list {
    max-height: 16rem;
    overflow-y: auto;
    border: 1px solid var(--crm-color-border);
    border-radius: var(--crm-radius-sm);
    background: var(--crm-color-bg);
    box-shadow: var(--crm-shadow);
  }
  .picker-list[hidden] {
    display: none;
  }
  .picker-option {
    display: flex;
    flex-direction: column;
    padding: var(--crm-space-xs) var(--crm-space-sm);
    cursor: pointer;
    overflow-wrap: anywhere;
  }
  .picker-option:hover,
  .picker-option.active {
    background: var(--crm-color-selection);
  }
  .picker-option.active {
    box-shadow: inset 3px 0 0 var(--crm-color-accent);
  }
  .option-meta,
  .picker-status {
    font-size: var(--crm-font-size-xs);
    color: var(--crm-color-text-muted);
  }
  .picker-status:empty {
    display: none;
  }
  .pick-row {
    display: flex;
    flex-direction: column;
    gap: var(--crm-space-sm);
  }
  /* panels */
  .grid {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: var(--crm-space-md);
  }
  .panel {
    display: flex;
    flex-direction: column;
    gap: var(--crm-space-sm);
    min-width: 0;
    padding: var(--crm-space-md);
    background: var(--crm-customer-360-panel-bg);
    border-radius: var(--crm-radius-md);
  }
  .panel-title {
    font-size: var(--crm-font-size-md);
    font-weight: var(--crm-font-weight-strong);
  }
  h4 {
    font-size: var(--crm-font-size-sm);
    font-weight: normal;
    color: var(--crm-color-text-muted);
  }
  .kpi-grid {
    display: grid;
    grid-template-columns: repeat(2, minmax(0, 1fr));
    gap: var(--crm-space-sm) var(--crm-space-md);
  }
  .kpi dd {
    font-size: var(--crm-font-size-lg);
    font-weight: var(--crm-font-weight-strong);
    font-variant-numeric: tabular-nums;
    overflow-wrap: anywhere;
  }
  .scores {
    display: flex;
    flex-wrap: wrap;
    gap: var(--crm-space-xs);
  }
  .score {
    display: inline-flex;
    align-items: baseline;
    gap: var(--crm-space-xs);
    padding: 2px var(--crm-space-sm);
    border: 1px solid var(--crm-color-border);
    border-radius: 999px;
    background: var(--crm-color-bg);
    font-size: var(--crm-font-size-sm);
  }
  .score-letter {
    font-weight: var(--crm-font-weight-strong);
    color: var(--crm-color-accent);
  }
  .score-num {
    font-weight: var(--crm-font-weight-strong);
  }
  .score-value {
    color: var(--crm-color-text-muted);
  }
  .facts,
  .outlook-list {
    display: flex;
    flex-direction: column;
    gap: var(--crm-space-sm);
  }
  .badge {
    display: inline-block;
    padding: 1px var(--crm-space-sm);
    border-radius: 999px;
    background: var(--crm-color-selection);
    color: var(--crm-color-text);
    font-size: var(--crm-font-size-sm);
  }
  .outlook-list dd {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0 var(--crm-space-sm);
  }
  .big {
    font-size: var(--crm-font-size-lg);
    font-weight: var(--crm-font-weight-strong);
    font-variant-numeric: tabular-nums;
  }
  .sub {
    flex-basis: 100%;
    font-size: var(--crm-font-size-xs);
    color: var(--crm-color-text-muted);
  }
  .level {
    font-size: var(--crm-font-size-sm);
    font-weight: var(--crm-font-weight-strong);
  }
  .level-low {
    color: var(--crm-customer-360-risk-low);
  }
  .level-medium {
    color: var(--crm-customer-360-risk-medium);
  }
  .level-high {
    color: var(--crm-customer-360-risk-high);
  }
  .meter {
    flex-basis: 100%;
    height: 6px;
    margin-top: 2px;
    border-radius: 3px;
    background: var(--crm-color-grid);
    overflow: hidden;
  }
  .meter span {
    display: block;
    height: 100%;
    background: currentColor;
  }
  .churn:has(.level-low) .meter {
    color: var(--crm-customer-360-risk-low);
  }
  .churn:has(.level-medium) .meter {
    color: var(--crm-customer-360-risk-medium);
  }
  .churn:has(.level-high) .meter {
    color: var(--crm-customer-360-risk-high);
  }
  .action-list {
    display: flex;
    flex-direction: column;
    gap: var(--crm-space-sm);
  }
  .action {
    display: flex;
    flex-direction: column;
    padding-inline-start: var(--crm-space-sm);
    border-inline-start: 3px solid var(--crm-color-accent);
  }
  .action-care-call,
  .action-win-back {
    border-inline-start-color: var(--crm-color-negative);
  }
  .action-reason {
    font-size: var(--crm-font-size-xs);
    color: var(--crm-color-text-muted);
  }
  .spend-chart svg {
    display: block;
    max-width: 100%;
    height: auto;
  }
  .spark-caption,
  .spark-month {
    fill: var(--crm-color-text-muted);
  }
  .spark-value {
    fill: var(--crm-color-text);
  }
  .spark-line {
    fill: none;
    stroke: var(--crm-customer-360-line-color);
    stroke-width: 2;
    stroke-linejoin: round;
  }
  .spark-area {
    fill: var(--crm-customer-360-area-color);
    fill-opacity: 0.12;
  }
  .spark-base {
    stroke: var(--crm-color-grid);
  }
  .spark-dot {
    fill: var(--crm-customer-360-line-color);
  }
  .shares {
    display: flex;
    flex-direction: column;
    gap: var(--crm-space-xs);
  }
  .share {
    display: grid;
    grid-template-columns: minmax(0, 1fr) auto;
    gap: 2px var(--crm-space-sm);
    font-size: var(--crm-font-size-sm);
  }
  .share-label {
    overflow-wrap: anywhere;
  }
  .share-value {
    font-variant-numeric: tabular-nums;
  }
  .share-track {
    grid-column: 1 / -1;
    height: 6px;
    border-radius: 3px;
    background: var(--crm-color-grid);
    overflow: hidden;
  }
  .share-bar {
    display: block;
    height: 100%;
  }
  .timeline-list {
    display: flex;
    flex-direction: column;
  }
  .event {
    display: flex;
    flex-direction: column;
    gap: 2px;
    padding: var(--crm-space-xs) 0 var(--crm-space-xs) var(--crm-space-md);
    border-inline-start: 2px solid var(--crm-color-border);
    position: relative;
  }
  .event::before {
    content: '';
    position: absolute;
    inset-inline-start: -5px;
    top: 0.6rem;
    width: 8px;
    height: 8px;
    border-radius: 50%;
    background: var(--crm-color-text-muted);
  }
  .event.kind-complaint::before {
    background: var(--crm-color-negative);
  }
  .event-head {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0 var(--crm-space-sm);
  }
  .event-kind {
    font-weight: var(--crm-font-weight-strong);
  }
  .event-channel,
  .event-date {
    font-size: var(--crm-font-size-sm);
    color: var(--crm-color-text-muted);
  }
  .event-note {
    font-size: var(--crm-font-size-sm);
    overflow-wrap: anywhere;
  }
  .nps {
    font-size: var(--crm-font-size-xs);
    font-weight: var(--crm-font-weight-strong);
    padding: 0 var(--crm-space-xs);
    border-radius: var(--crm-radius-sm);
    border: 1px solid currentColor;
  }
  .nps.detractor {
    color: var(--crm-color-negative);
  }
  .nps.promoter {
    color: var(--crm-color-positive);
  }
  .more {
    align-self: flex-start;
  }
  /* wider layouts */
  .size-medium .grid {
    grid-template-columns: repeat(2, minmax(0, 1fr));
  }
  .size-medium .kpis {
    grid-column: 1 / -1;
  }
  .size-medium .kpi-grid,
  .size-wide .kpi-grid {
    grid-template-columns: repeat(3, minmax(0, 1fr));
  }
  .size-wide .grid {
    grid-template-columns: repeat(3, minmax(0, 1fr));
    grid-template-areas:
      'kpis kpis rfm'
      'spend spend outlook'
      'advice prefs timeline';
  }
  .size-wide .kpis {
    grid-area: kpis;
  }
  .size-wide .outlook {
    grid-area: outlook;
  }
  .size-wide .rfm {
    grid-area: rfm;
  }
  .size-wide .spend {
    grid-area: spend;
  }
  .size-wide .prefs {
    grid-area: prefs;
  }
  .size-wide .advice {
    grid-area: advice;
  }
  .size-wide .timeline {
    grid-area: timeline;
  }
`;
