import { css, unsafeCSS, type CSSResult } from 'lit';

/**
 * Theme tokens: every colour, font, space and radius a crm-lens widget uses, as CSS custom properties. A host
 * page sets any of them wherever it likes — `:root`, a container, `<crm-data>`, one widget — and the kit's
 * defaults below apply where nothing is set (see `tokenStyles` for how). Chart code reads them
 * (`fill: var(--crm-series-3)`); no colour lives in code. The full list with both themes' defaults is in
 * docs/theming.md.
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

/** Every token name of the kit (shared, light and dark sets; the dark set has the same names as the light one). */
export const TOKEN_NAMES: readonly string[] = [...Object.keys(SHARED_TOKENS), ...Object.keys(LIGHT_TOKENS)];

/**
 * The private property a widget resolves a public token into on its `:host` (`crm-color-accent` →
 * `--_crm-color-accent`). Read it from the widget element to get the value in force there
 * (`resolvedToken`); style with the public name.
 */
export const privateToken = (name: string): string => `--_${name}`;

/**
 * `:host` declarations resolving each token: the value inherited from anywhere above (`:root`, a container,
 * `<crm-data>`) or set on the element itself, else the kit's default — `--_x: var(--x, default)`. References
 * in a default to names of `known` become private references, so defaults can build on other tokens.
 */
function resolveDeclarations(set: TokenSet, known: ReadonlySet<string>): string {
  return Object.entries(set)
    .map(([name, value]) => `${privateToken(name)}: var(--${name}, ${privateReferences(value, known)});`)
    .join('\n');
}

/** `var(--crm-x…` → `var(--_crm-x…` for the names in `known` (other names stay public: a host's own variables). */
function privateReferences(value: string, known: ReadonlySet<string>): string {
  return value.replace(/var\(--([\w-]+)/g, (whole, name: string) => (known.has(name) ? `var(${privateToken(name)}` : whole));
}

/** Re-exposes resolved tokens under their public names to everything inside the shadow root. */
function exposeDeclarations(names: readonly string[]): string {
  return names.map((name) => `--${name}: var(${privateToken(name)});`).join('\n');
}

const BASE_NAMES = new Set(TOKEN_NAMES);

/**
 * The token block for a component's `static styles`. Tokens reach a widget from wherever a page sets them —
 * `:root`, `html[data-crm-theme]`, a container, `<crm-data>`, or the widget element, which wins by the cascade —
 * because the kit never declares a public token on its own `:host` (a declaration there would beat every
 * inherited value). Instead:
 *
 * - `:host` resolves each token into a private property, `--_crm-x: var(--crm-x, <default>)`, with the light
 *   defaults, and the dark ones under `:host([resolved-theme="dark"])` (plus the matching `color-scheme`);
 * - `:host > *` re-declares the public name from it, `--crm-x: var(--_crm-x)`, so every rule inside the shadow
 *   root (and every chart mark, `seriesColor(i)`, exports) keeps using `var(--crm-x)`.
 *
 * Rules on `:host` itself must use the private names (the public ones are not declared there).
 */
export const tokenStyles = css`
  :host {
    ${unsafeCSS(resolveDeclarations(SHARED_TOKENS, BASE_NAMES))}
    ${unsafeCSS(resolveDeclarations(LIGHT_TOKENS, BASE_NAMES))}
    color-scheme: light;
  }
  :host([resolved-theme='dark']) {
    ${unsafeCSS(resolveDeclarations(DARK_TOKENS, BASE_NAMES))}
    color-scheme: dark;
  }
  :host > * {
    ${unsafeCSS(exposeDeclarations(TOKEN_NAMES))}
  }
`;

/**
 * A widget's own variables (`--crm-<widget>-*`) resolved the same way as the tokens (see `tokenStyles`): set
 * anywhere above the widget or on it; the defaults may reference tokens (`var(--crm-series-1)`) and each other.
 * `dark` overrides defaults in the dark theme. Put it after `tokenStyles` in `static styles`.
 */
export function componentTokens(defaults: TokenSet, dark: TokenSet = {}): CSSResult {
  const known = new Set([...BASE_NAMES, ...Object.keys(defaults)]);
  return css`
    :host {
      ${unsafeCSS(resolveDeclarations(defaults, known))}
    }
    :host([resolved-theme='dark']) {
      ${unsafeCSS(resolveDeclarations(dark, known))}
    }
    :host > * {
      ${unsafeCSS(exposeDeclarations(Object.keys(defaults)))}
    }
  `;
}

/** The value of a token (or a widget variable) in force on a widget element, e.g. for contrast checks in code. */
export function resolvedToken(widget: Element, name: string): string {
  return getComputedStyle(widget).getPropertyValue(privateToken(name)).trim();
}
