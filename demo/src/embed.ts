/**
 * Embed snippets: the HTML a product team pastes into its own page to get exactly the widget on screen
 * (same tag, attributes, filters and controls), and the CSS of the theming playground.
 */

/** One widget on the dashboard as markup: its tag and the attributes the page set on it. */
export interface WidgetMarkup {
  tag: string;
  attributes: Record<string, string | undefined>;
}

const escapeAttr = (v: string) => v.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** `<crm-data src fields>` + the widget, preceded by the script tag of the self-contained bundle. */
export function embedSnippet(
  widget: WidgetMarkup,
  options: {
    scriptUrl: string;
    feedUrl: string;
    fields?: string;
    /** Further `<crm-data>` attributes (`date-format`, `sheet`), when set. */
    data?: Record<string, string | undefined>;
    lang: string;
    theme?: string;
  },
): string {
  const attrs = Object.entries(widget.attributes)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => `\n    ${k}="${escapeAttr(v!)}"`)
    .join('');
  const dataAttrs = [`src="${escapeAttr(options.feedUrl)}"`];
  if (options.fields) dataAttrs.push(`fields='${options.fields.replace(/'/g, '&#39;')}'`);
  for (const [k, v] of Object.entries(options.data ?? {})) if (v) dataAttrs.push(`${k}="${escapeAttr(v)}"`);
  const root = [`lang="${options.lang}"`];
  if (options.theme && options.theme !== 'auto') root.push(`data-crm-theme="${options.theme}"`);
  return `<script type="module" src="${escapeAttr(options.scriptUrl)}"></script>

<div ${root.join(' ')}>
  <crm-data ${dataAttrs.join(' ')}>
    <${widget.tag}${attrs}>
    </${widget.tag}>
  </crm-data>
</div>
`;
}

/** The playground's editable tokens. */
export interface ThemeEdits {
  accent: string;
  font: string;
  /** Radius of cards in px (small and large radii follow at ½ and 1.5×). */
  radius: number;
  /** Multiplier of the spacing scale (1 = the defaults). */
  spacing: number;
}

export const DEFAULT_THEME_EDITS: ThemeEdits = { accent: '#0b62c4', font: '', radius: 8, spacing: 1 };

/** Default spacing tokens, rem (docs/theming.md). */
const SPACES = { xs: 0.25, sm: 0.5, md: 0.75, lg: 1, xl: 1.5 } as const;

/** The custom properties the edits set (only those that differ from the defaults). */
export function themeProperties(e: ThemeEdits): Record<string, string> {
  const out: Record<string, string> = {};
  if (e.accent.toLowerCase() !== DEFAULT_THEME_EDITS.accent) {
    out['--crm-color-accent'] = e.accent;
    out['--crm-color-focus'] = e.accent;
    out['--crm-series-1'] = e.accent;
    out['--crm-bar-color'] = e.accent;
  }
  if (e.font) out['--crm-font-family'] = e.font;
  if (e.radius !== DEFAULT_THEME_EDITS.radius) {
    out['--crm-radius-sm'] = `${Math.round(e.radius / 2)}px`;
    out['--crm-radius-md'] = `${e.radius}px`;
    out['--crm-radius-lg'] = `${Math.round(e.radius * 1.5)}px`;
  }
  if (e.spacing !== 1)
    for (const [k, v] of Object.entries(SPACES)) out[`--crm-space-${k}`] = `${+(v * e.spacing).toFixed(3)}rem`;
  return out;
}

/** The CSS a host page copies: the tokens on `:root` (they inherit into every widget's shadow root). */
export function themeCss(e: ThemeEdits): string {
  const props = Object.entries(themeProperties(e));
  if (!props.length) return '/* crm-lens defaults: nothing to override */\n';
  return `:root {\n${props.map(([k, v]) => `  ${k}: ${v};`).join('\n')}\n}\n`;
}
