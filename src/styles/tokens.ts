import { css, unsafeCSS, type CSSResult } from 'lit';

/**
 * Theme tokens: every colour, font, space and radius a crm-lens widget uses, as CSS custom properties with
 * defaults on `:host`. A host page overrides any of them with a rule matching the widget element (e.g.
 * `[resolved-theme] { … }` for every widget); a value set on an ancestor loses to the `:host` default, so it
 * must target the widget itself. Chart code reads them (`fill: var(--crm-series-3)`); no colour lives in
 * code. The full list with both themes' defaults is in docs/theming.md.
 *
 * Themes: light by default, dark when the element carries `resolved-theme="dark"`, which the
 * ThemeController sets from the `theme` attribute on the widget or the closest ancestor (`<crm-data
 * theme="dark">`), or `data-crm-theme` on `<html>`, else from `prefers-color-scheme`.
 *
 * Contrast (WCAG 2.1, measured against `--crm-color-bg` and `--crm-color-surface`): text ≥ 14:1, muted text
 * ≥ 5.7:1, accent/positive/negative/warning ≥ 4.8:1 in both themes; series colours ≥ 3.6:1 (graphics need
 * 3:1). Series hues are colour-blind-safe, in Okabe–Ito order (blue, orange, green, pink, sky, violet, olive,
 * grey), the same hue at the same index in both themes.
 */

/** Token name (without the leading `--`) → value. */
export type TokenSet = Readonly<Record<string, string>>;

/** Tokens that do not change with the theme. */
export const SHARED_TOKENS: TokenSet = {
  'crm-font-family':
    'system-ui, -apple-system, "Segoe UI", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif',
  'crm-font-family-mono': 'ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace',
  'crm-font-size-xs': '0.75rem',
  'crm-font-size-sm': '0.8125rem',
  'crm-font-size-md': '0.875rem',
  'crm-font-size-lg': '1rem',
  'crm-font-size-xl': '1.25rem',
  'crm-font-weight-strong': '600',
  'crm-line-height': '1.4',
  'crm-space-xs': '0.25rem',
  'crm-space-sm': '0.5rem',
  'crm-space-md': '0.75rem',
  'crm-space-lg': '1rem',
  'crm-space-xl': '1.5rem',
  'crm-radius-sm': '4px',
  'crm-radius-md': '8px',
  'crm-radius-lg': '12px',
  'crm-focus-ring-width': '2px',
  'crm-transition': '150ms ease-out',
};

/** Light theme colours. */
export const LIGHT_TOKENS: TokenSet = {
  'crm-color-bg': '#ffffff',
  'crm-color-surface': '#f6f7f9',
  'crm-color-text': '#1c2128',
  'crm-color-text-muted': '#59636e',
  'crm-color-border': '#d0d7de',
  'crm-color-accent': '#0b62c4',
  'crm-color-accent-contrast': '#ffffff',
  'crm-color-focus': '#0b62c4',
  'crm-color-positive': '#1a7f37',
  'crm-color-negative': '#c62828',
  'crm-color-warning': '#9a6700',
  'crm-color-warning-bg': '#fff8e1',
  'crm-color-selection': '#dbe9fb',
  'crm-color-grid': '#e6e9ed',
  'crm-shadow': '0 4px 16px rgba(16, 24, 40, 0.14)',
  'crm-series-1': '#0072b2',
  'crm-series-2': '#c45f00',
  'crm-series-3': '#008a63',
  'crm-series-4': '#b4457f',
  'crm-series-5': '#3b8ec2',
  'crm-series-6': '#8f5fd6',
  'crm-series-7': '#8c7a00',
  'crm-series-8': '#6b7280',
  'crm-seq-1': '#e8f1fb',
  'crm-seq-2': '#c6dbf3',
  'crm-seq-3': '#9cc0e8',
  'crm-seq-4': '#6ba1da',
  'crm-seq-5': '#3576c0',
  'crm-seq-6': '#1c5499',
  'crm-seq-7': '#0f3f78',
};

/** Dark theme colours (sequential runs dark → light so "more" stays "more contrast"). */
export const DARK_TOKENS: TokenSet = {
  'crm-color-bg': '#16191e',
  'crm-color-surface': '#1f242b',
  'crm-color-text': '#e6e9ee',
  'crm-color-text-muted': '#a4adb8',
  'crm-color-border': '#3a424d',
  'crm-color-accent': '#6cb1ff',
  'crm-color-accent-contrast': '#0d1117',
  'crm-color-focus': '#8cc4ff',
  'crm-color-positive': '#4cc07a',
  'crm-color-negative': '#ff7b72',
  'crm-color-warning': '#e3b341',
  'crm-color-warning-bg': '#2e2613',
  'crm-color-selection': '#1e3a5c',
  'crm-color-grid': '#2a3038',
  'crm-shadow': '0 4px 16px rgba(0, 0, 0, 0.5)',
  'crm-series-1': '#56b4e9',
  'crm-series-2': '#e69f00',
  'crm-series-3': '#2fc29a',
  'crm-series-4': '#e58bc0',
  'crm-series-5': '#9ad0f5',
  'crm-series-6': '#b49af0',
  'crm-series-7': '#e6d44a',
  'crm-series-8': '#aab2bd',
  'crm-seq-1': '#17304d',
  'crm-seq-2': '#1d4670',
  'crm-seq-3': '#22578c',
  'crm-seq-4': '#296aa6',
  'crm-seq-5': '#4c95d1',
  'crm-seq-6': '#7bb4e6',
  'crm-seq-7': '#b1d4f5',
};

/** Number of categorical series colours (`--crm-series-1` … `--crm-series-8`). */
export const SERIES_COUNT = 8;
/** Number of sequential steps (`--crm-seq-1` … `--crm-seq-7`). */
export const SEQ_COUNT = 7;

/** `var(--crm-series-N)` for a 0-based category index, cycling through the palette. */
export function seriesColor(index: number): string {
  return `var(--crm-series-${(((index % SERIES_COUNT) + SERIES_COUNT) % SERIES_COUNT) + 1})`;
}

/** `var(--crm-seq-N)` for a value in [0, 1] (clamped; NaN → the lightest step). */
export function seqColor(t: number): string {
  const k = Number.isFinite(t) ? Math.min(SEQ_COUNT - 1, Math.max(0, Math.floor(t * SEQ_COUNT))) : 0;
  return `var(--crm-seq-${k + 1})`;
}

const declarations = (set: TokenSet): CSSResult =>
  unsafeCSS(
    Object.entries(set)
      .map(([name, value]) => `--${name}: ${value};`)
      .join('\n'),
  );

/**
 * The token block for a component's `static styles`: defaults on `:host`, the dark set under
 * `:host([resolved-theme="dark"])`, and the matching `color-scheme` so native controls follow.
 */
export const tokenStyles = css`
  :host {
    ${declarations(SHARED_TOKENS)}
    ${declarations(LIGHT_TOKENS)}
    color-scheme: light;
  }
  :host([resolved-theme='dark']) {
    ${declarations(DARK_TOKENS)}
    color-scheme: dark;
  }
`;
