/**
 * The public "drawn" signal of a widget (benchmarks, tests and hosts wait on it): the host's `data-state`
 * attribute always tells the current state, and `crm-render` fires once per new drawing — a new result, or an
 * `empty` / `error` state — not per redraw of the same result, and not for a widget whose queries did not change.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { dispatchCrmEvent, RENDER_EVENT, type RenderState } from '../events.js';

export class RenderSignalController implements ReactiveController {
  private drawn: RenderState = 'idle';
  private drawnResult: unknown;
  private announced: unknown;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  /** What the render about to be committed shows: its state and, for `ready` / `empty`, the result drawn. */
  mark(state: RenderState, result?: unknown): void {
    this.drawn = state;
    this.drawnResult = state === 'ready' || state === 'empty' ? result : undefined;
  }

  hostUpdated(): void {
    if (this.host.dataset.state !== this.drawn) this.host.dataset.state = this.drawn;
    if (this.drawn === 'idle' || this.drawn === 'loading' || this.drawn === 'computing') return;
    const drawing = this.drawnResult ?? this.drawn;
    if (drawing === this.announced) return;
    this.announced = drawing;
    dispatchCrmEvent(this.host, RENDER_EVENT, { state: this.drawn });
  }
}
