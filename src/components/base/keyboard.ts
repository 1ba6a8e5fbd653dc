import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { MARK_INDEX_ATTRIBUTE } from '../../charts/marks.js';

export interface RovingFocusOptions {
  /** Enter/Space (or click) on mark `index`. */
  onActivate(index: number): void;
  /** Escape. */
  onEscape?(): void;
}

/**
 * Roving tabindex over a chart's marks (WAI-ARIA composite pattern): one mark is in the tab order; arrow keys
 * move to the previous/next mark (both axes, so horizontal and vertical charts work alike), Home/End to the
 * first/last, Enter/Space activate, Escape clears. Set `count` on every render.
 */
export class RovingFocusController implements ReactiveController {
  /** Index of the mark that is in the tab order. */
  active = 0;
  /** Number of marks rendered now. */
  count = 0;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: RovingFocusOptions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  tabIndex(index: number): number {
    return index === Math.min(this.active, Math.max(0, this.count - 1)) ? 0 : -1;
  }

  /** Remember the focused mark (also when it got focus by pointer). */
  focused(index: number): void {
    if (index !== this.active) {
      this.active = index;
      this.host.requestUpdate();
    }
  }

  /** Keydown on the marks' group (`event.currentTarget`). */
  keydown(event: KeyboardEvent): void {
    if (!this.count) return;
    const last = this.count - 1;
    let next: number | undefined;
    switch (event.key) {
      case 'ArrowRight':
      case 'ArrowDown':
        next = Math.min(last, this.active + 1);
        break;
      case 'ArrowLeft':
      case 'ArrowUp':
        next = Math.max(0, this.active - 1);
        break;
      case 'Home':
        next = 0;
        break;
      case 'End':
        next = last;
        break;
      case 'Enter':
      case ' ':
        event.preventDefault();
        this.options.onActivate(this.active);
        return;
      case 'Escape':
        if (this.options.onEscape) {
          event.stopPropagation();
          this.options.onEscape();
        }
        return;
      default:
        return;
    }
    event.preventDefault();
    this.focused(next);
    const group = event.currentTarget as Element | null;
    const mark = group?.querySelector<HTMLElement | SVGElement>(`[${MARK_INDEX_ATTRIBUTE}="${next}"]`);
    mark?.focus();
  }
}
