import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { cssProperties } from '../../styles/css-properties.js';

export type TooltipContent = string | TemplateResult;

interface TooltipState {
  content: TooltipContent;
  left: number;
  top: number;
  /** The mark's bottom edge (container coordinates): where the tooltip goes when there is no room above. */
  bottom: number;
}

/** Gap between the mark and the tooltip (px). */
const GAP = 6;

/**
 * A tooltip for chart marks that appears on hover AND on keyboard focus (so keyboard users see the same
 * detail), positioned above the mark inside the widget body — below it when the body has no room above (a
 * mark in the top row), and shifted sideways to stay inside. Escape or blur hides it (WCAG 1.4.13). Render
 * `render()` inside the element that `container()` returns (it must be `position: relative`).
 */
export class TooltipController implements ReactiveController {
  private state?: TooltipState;
  /** The state the tooltip element was last placed for (placing needs its rendered size). */
  private placed?: TooltipState;
  private static nextId = 0;
  /** id of the tooltip element, for `aria-describedby`. */
  readonly id = `crm-tooltip-${TooltipController.nextId++}`;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly container: () => Element | null | undefined,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  get visible(): boolean {
    return !!this.state;
  }

  /** Show `content` centred above `anchor`. */
  show(content: TooltipContent, anchor: Element): void {
    const box = this.container()?.getBoundingClientRect();
    const mark = anchor.getBoundingClientRect();
    if (!box) return;
    this.state = {
      content,
      left: Math.max(0, Math.min(box.width, mark.left - box.left + mark.width / 2)),
      top: Math.max(0, mark.top - box.top),
      bottom: Math.max(0, mark.bottom - box.top),
    };
    this.host.requestUpdate();
  }

  /** After a render: flip below the mark or shift sideways, now that the tooltip's size is known. */
  hostUpdated(): void {
    const s = this.state;
    if (!s || this.placed === s) return;
    this.placed = s;
    const container = this.container();
    const el = container?.querySelector<HTMLElement>(`#${this.id}`);
    if (!container || !el) return;
    const width = container.clientWidth;
    const { offsetWidth: w, offsetHeight: h } = el;
    const below = s.top < h + GAP && container.clientHeight - s.bottom >= h + GAP;
    // Keep the whole box inside the container horizontally (it is centred on the mark by default).
    const shift = s.left < w / 2 ? w / 2 - s.left : s.left + w / 2 > width ? width - (s.left + w / 2) : 0;
    el.style.top = `${below ? s.bottom : s.top}px`;
    el.style.transform = below
      ? `translate(calc(-50% + ${shift}px), ${GAP}px)`
      : `translate(calc(-50% + ${shift}px), calc(-100% - ${GAP}px))`;
  }

  hide(): void {
    if (!this.state) return;
    this.state = undefined;
    this.host.requestUpdate();
  }

  render(): TemplateResult | typeof nothing {
    const s = this.state;
    if (!s) return nothing;
    // Above the mark by default (the CSS translate); hostUpdated() flips and shifts it once its size is known.
    return html`<div
      part="tooltip"
      class="tooltip"
      role="tooltip"
      id=${this.id}
      ${cssProperties({ left: `${s.left}px`, top: `${s.top}px` })}
    >${s.content}</div>`; // no whitespace around the content: white-space is pre-line, a newline would show
  }
}
