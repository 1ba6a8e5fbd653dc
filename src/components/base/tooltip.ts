import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';

export type TooltipContent = string | TemplateResult;

interface TooltipState {
  content: TooltipContent;
  left: number;
  top: number;
}

/**
 * A tooltip for chart marks that appears on hover AND on keyboard focus (so keyboard users see the same
 * detail), positioned above the mark inside the widget body. Escape or blur hides it (WCAG 1.4.13). Render
 * `render()` inside the element that `container()` returns (it must be `position: relative`).
 */
export class TooltipController implements ReactiveController {
  private state?: TooltipState;
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
    };
    this.host.requestUpdate();
  }

  hide(): void {
    if (!this.state) return;
    this.state = undefined;
    this.host.requestUpdate();
  }

  render(): TemplateResult | typeof nothing {
    const s = this.state;
    if (!s) return nothing;
    // translate keeps it above the mark; the clamp in show() plus max-width keeps it inside narrow widgets.
    return html`<div
      part="tooltip"
      class="tooltip"
      role="tooltip"
      id=${this.id}
      style=${styleMap({ left: `${s.left}px`, top: `${s.top}px` })}
    >${s.content}</div>`; // no whitespace around the content: white-space is pre-line, a newline would show
  }
}
