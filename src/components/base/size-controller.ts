import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Layout class of a widget by its own width (not the viewport's): charts adapt to where they are put. */
export type WidgetSize = 'narrow' | 'medium' | 'wide';

/** Below this width a widget is `narrow` (stacked layout, fewer labels). */
export const NARROW_BELOW = 480;
/** From this width on a widget is `wide` (side-by-side layout). */
export const WIDE_FROM = 900;

export function sizeOf(width: number): WidgetSize {
  return width < NARROW_BELOW ? 'narrow' : width >= WIDE_FROM ? 'wide' : 'medium';
}

/**
 * Observes the host's content width (ResizeObserver) and re-renders it when the width changes:
 * `width` (CSS px, rounded) for chart geometry, `size` for layout.
 */
export class SizeController implements ReactiveController {
  width = 0;
  size: WidgetSize = 'medium';
  private observer?: ResizeObserver;
  private frame = 0;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  hostConnected(): void {
    this.observer = new ResizeObserver((entries) => {
      const width = Math.round(entries[entries.length - 1].contentRect.width);
      if (width === this.width) return;
      // Re-render in the next frame: rendering inside the callback can resize again in the same frame
      // ("ResizeObserver loop completed with undelivered notifications").
      cancelAnimationFrame(this.frame);
      this.frame = requestAnimationFrame(() => {
        this.width = width;
        this.size = sizeOf(width);
        this.host.requestUpdate();
      });
    });
    this.observer.observe(this.host);
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
    this.observer = undefined;
    cancelAnimationFrame(this.frame);
  }
}
