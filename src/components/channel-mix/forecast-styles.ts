import { css } from 'lit';

/**
 * Styles of `<crm-channel-mix>`'s forecast overlay. `--crm-channel-mix-forecast-color` is read with its default
 * as a fallback (never declared on `:host`), so a page can set it on any ancestor.
 */
export const forecastStyles = css`
  .forecast-line {
    fill: none;
    stroke: var(--crm-channel-mix-forecast-color, var(--crm-color-text));
    stroke-width: 2;
  }
  .forecast-band {
    fill: var(--crm-channel-mix-forecast-color, var(--crm-color-text));
    fill-opacity: 0.14;
    stroke: none;
  }
  .forecast-point {
    fill: var(--crm-color-bg);
    stroke: var(--crm-channel-mix-forecast-color, var(--crm-color-text));
    stroke-width: 2;
  }
  .forecast-divider {
    stroke: var(--crm-color-text-muted);
  }
  .forecast-label {
    fill: var(--crm-color-text-muted);
    font-size: var(--crm-font-size-xs);
  }
  .forecast-bar {
    fill-opacity: 0.45;
    stroke: var(--crm-color-text-muted);
    stroke-width: 1;
  }
  /* Channel colours of the forecast bars by slot (classes: no inline styles under a strict CSP). */
  .series-fill-1 { fill: var(--crm-series-1); }
  .series-fill-2 { fill: var(--crm-series-2); }
  .series-fill-3 { fill: var(--crm-series-3); }
  .series-fill-4 { fill: var(--crm-series-4); }
  .series-fill-5 { fill: var(--crm-series-5); }
  .series-fill-6 { fill: var(--crm-series-6); }
  .series-fill-7 { fill: var(--crm-series-7); }
  .series-fill-8 { fill: var(--crm-series-8); }
`;
