import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { AncestorAttributeController, closestAttribute } from '../components/base/ancestors.js';

export type Theme = 'light' | 'dark';

/** Attributes that choose a theme, checked on the element and then each ancestor (across shadow roots). */
export const THEME_ATTRIBUTES = ['theme', 'data-crm-theme'] as const;

/** The attribute the controller writes on the host with the theme in force (read-only for hosts). */
export const RESOLVED_THEME_ATTRIBUTE = 'resolved-theme';

/**
 * The theme an element should use: `theme="light|dark"` (or `data-crm-theme`) on the element or its closest
 * ancestor that has one, else the user's `prefers-color-scheme`. `auto` (or any other value) on the closest
 * carrier means "follow the user".
 */
export function resolveTheme(element: Element): Theme {
  const found = closestAttribute(element, THEME_ATTRIBUTES);
  if (found?.value === 'light' || found?.value === 'dark') return found.value;
  return prefersDark() ? 'dark' : 'light';
}

const darkQuery = () =>
  typeof matchMedia === 'function' ? matchMedia('(prefers-color-scheme: dark)') : undefined;
const prefersDark = () => darkQuery()?.matches ?? false;

/**
 * Keeps `resolved-theme` on the host current (the token styles switch on it): follows the host's own `theme`
 * (resolved on every update), ancestors' `theme` / `data-crm-theme` and the OS setting.
 */
export class ThemeController implements ReactiveController {
  theme: Theme = 'light';
  private media?: MediaQueryList;
  private readonly onMedia = () => this.host.requestUpdate();

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    /** The host's own `theme` property (set from JS it need not be an attribute yet). */
    private readonly ownTheme: () => string | undefined = () => undefined,
  ) {
    host.addController(this);
    new AncestorAttributeController(host, THEME_ATTRIBUTES);
  }

  hostConnected(): void {
    this.media = darkQuery();
    this.media?.addEventListener('change', this.onMedia);
    this.apply();
  }

  hostDisconnected(): void {
    this.media?.removeEventListener('change', this.onMedia);
  }

  hostUpdate(): void {
    this.apply();
  }

  private apply(): void {
    const own = this.ownTheme();
    this.theme = own === 'light' || own === 'dark' ? own : own ? (prefersDark() ? 'dark' : 'light') : resolveTheme(this.host);
    if (this.host.getAttribute(RESOLVED_THEME_ATTRIBUTE) !== this.theme)
      this.host.setAttribute(RESOLVED_THEME_ATTRIBUTE, this.theme);
  }
}
