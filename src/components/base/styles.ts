import { css } from 'lit';

/**
 * Styles of the shared widget chrome. Every value comes from a token (src/styles/tokens.ts) or a
 * component-level variable `--crm-widget-*` (which defaults to a token), so hosts theme without `::part`.
 */
export const widgetStyles = css`
  /* On :host the tokens are the private, resolved ones (tokenStyles): the public names exist only inside. */
  :host {
    display: block;
    min-width: 0;
    box-sizing: border-box;
    font-family: var(--_crm-font-family);
    font-size: var(--_crm-font-size-md);
    line-height: var(--_crm-line-height);
    color: var(--_crm-color-text);
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  .base {
    display: flex;
    flex-direction: column;
    gap: var(--crm-space-sm);
    min-width: 0;
    min-height: var(--crm-widget-min-height, 12rem);
    padding: var(--crm-widget-padding, var(--crm-space-lg));
    background: var(--crm-widget-bg, var(--crm-color-bg));
    border: 1px solid var(--crm-widget-border-color, var(--crm-color-border));
    border-radius: var(--crm-widget-radius, var(--crm-radius-md));
  }
  .header {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--crm-space-sm);
    min-width: 0;
  }
  .title {
    flex: 1 1 12rem;
    min-width: 0;
    margin: 0;
    font-size: var(--crm-font-size-lg);
    font-weight: var(--crm-font-weight-strong);
    overflow-wrap: anywhere;
  }
  .actions {
    position: relative;
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--crm-space-xs);
  }
  button {
    font: inherit;
    font-size: var(--crm-font-size-sm);
    color: var(--crm-color-text);
    background: var(--crm-color-surface);
    border: 1px solid var(--crm-color-border);
    border-radius: var(--crm-radius-sm);
    padding: var(--crm-space-xs) var(--crm-space-sm);
    min-height: 2rem;
    cursor: pointer;
  }
  button:hover {
    border-color: var(--crm-color-accent);
  }
  button[aria-pressed='true'] {
    background: var(--crm-color-selection);
    border-color: var(--crm-color-accent);
  }
  button:disabled {
    cursor: not-allowed;
    color: var(--crm-color-text-muted);
  }
  button.primary {
    background: var(--crm-color-accent);
    border-color: var(--crm-color-accent);
    color: var(--crm-color-accent-contrast);
  }
  :focus-visible {
    outline: var(--crm-focus-ring-width) solid var(--crm-color-focus);
    outline-offset: 2px;
  }
  /* Chart marks (src/charts): focus ring drawn inside the SVG, selection emphasis, token colours. */
  .mark {
    cursor: pointer;
    outline: none;
  }
  .mark .focus-ring,
  .mark .focus-halo {
    fill: none;
    stroke: none;
  }
  .mark:focus-visible .focus-ring {
    stroke: var(--crm-color-focus);
    stroke-width: var(--crm-focus-ring-width);
  }
  /* A ring drawn over a coloured mark (a heat-map cell) sits on a halo of the background colour, so it stands
     out from any fill (two-colour focus indicator). */
  .mark:focus-visible .focus-halo {
    stroke: var(--crm-widget-bg, var(--crm-color-bg));
    stroke-width: calc(var(--crm-focus-ring-width) * 3);
  }
  .mark:hover .hit {
    fill: var(--crm-color-selection);
    fill-opacity: 0.5;
  }
  .has-selection .mark:not([aria-selected='true']) .bar,
  .has-selection .mark:not([aria-selected='true']) .bar-secondary {
    opacity: 0.45;
  }
  .mark[aria-selected='true'] .bar {
    stroke: var(--crm-color-text);
    stroke-width: 1.5;
  }
  .bar-label {
    fill: var(--crm-color-text);
  }
  .bar-value,
  .axis text {
    fill: var(--crm-color-text-muted);
  }
  .bar-secondary {
    fill: var(--crm-bar-secondary-color, var(--crm-series-2));
  }
  .bar-note.muted {
    fill: var(--crm-color-text-muted);
  }
  .bar-note.positive {
    fill: var(--crm-color-positive);
  }
  .bar-note.negative {
    fill: var(--crm-color-negative);
  }
  .axis line,
  .grid line {
    stroke: var(--crm-color-grid);
  }
  .selection {
    display: inline-flex;
    align-items: center;
    gap: var(--crm-space-xs);
    max-width: 100%;
    background: var(--crm-color-selection);
    border-color: var(--crm-color-accent);
    border-radius: 999px;
    overflow-wrap: anywhere;
  }
  .menu {
    position: absolute;
    z-index: 2;
    top: 100%;
    right: 0;
    display: flex;
    flex-direction: column;
    gap: var(--crm-space-xs);
    margin-top: var(--crm-space-xs);
    padding: var(--crm-space-xs);
    background: var(--crm-color-bg);
    border: 1px solid var(--crm-color-border);
    border-radius: var(--crm-radius-sm);
    box-shadow: var(--crm-shadow);
    min-width: 11rem;
  }
  .menu button {
    text-align: start;
    border-color: transparent;
    background: transparent;
  }
  .body {
    position: relative;
    flex: 1 1 auto;
    min-width: 0;
  }
  .state {
    display: flex;
    flex-direction: column;
    align-items: center;
    justify-content: center;
    gap: var(--crm-space-sm);
    min-height: 8rem;
    padding: var(--crm-space-lg);
    text-align: center;
    color: var(--crm-color-text-muted);
    overflow-wrap: anywhere;
  }
  .error {
    color: var(--crm-color-text);
  }
  .error .message {
    color: var(--crm-color-negative);
  }
  .spinner {
    width: 1.5rem;
    height: 1.5rem;
    border: 3px solid var(--crm-color-border);
    border-top-color: var(--crm-color-accent);
    border-radius: 50%;
    animation: spin 0.9s linear infinite;
  }
  @keyframes spin {
    to {
      transform: rotate(360deg);
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .spinner {
      animation-duration: 3s;
    }
  }
  progress {
    width: min(16rem, 100%);
    accent-color: var(--crm-color-accent);
  }
  .stale {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--crm-space-sm);
    padding: var(--crm-space-xs) var(--crm-space-sm);
    background: var(--crm-color-warning-bg);
    border: 1px solid var(--crm-color-warning);
    border-radius: var(--crm-radius-sm);
    color: var(--crm-color-text);
    font-size: var(--crm-font-size-sm);
  }
  .export-problem {
    color: var(--crm-color-negative);
    font-size: var(--crm-font-size-sm);
  }
  .chart {
    min-width: 0;
  }
  .chart svg {
    display: block;
    max-width: 100%;
    overflow: visible;
  }
  .tooltip {
    position: absolute;
    z-index: 3;
    transform: translate(-50%, calc(-100% - 6px));
    max-width: min(20rem, 90%);
    padding: var(--crm-space-xs) var(--crm-space-sm);
    background: var(--crm-color-text);
    color: var(--crm-color-bg);
    border-radius: var(--crm-radius-sm);
    font-size: var(--crm-font-size-sm);
    pointer-events: none;
    white-space: pre-line;
    box-shadow: var(--crm-shadow);
  }
  .table-scroll {
    max-width: 100%;
    overflow-x: auto;
  }
  table {
    width: 100%;
    border-collapse: collapse;
    font-size: var(--crm-font-size-sm);
  }
  caption {
    text-align: start;
    padding-bottom: var(--crm-space-xs);
    color: var(--crm-color-text-muted);
  }
  th,
  td {
    padding: var(--crm-space-xs) var(--crm-space-sm);
    border-bottom: 1px solid var(--crm-color-border);
    text-align: start;
  }
  thead th {
    font-weight: var(--crm-font-weight-strong);
  }
  .num {
    text-align: end;
    font-variant-numeric: tabular-nums;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
`;
