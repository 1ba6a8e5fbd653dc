/**
 * Subscribes a widget to the `<crm-data>` state it sits in (the `crmDataContext`), like @lit/context's
 * ContextConsumer but without its unconditional host update: the widget decides whether a new state changes
 * anything it shows (a linked filter its queries ignore does not), so an unaffected widget does not re-render.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { ContextEvent } from '@lit/context';
import { crmDataContext, type CrmDataState } from '../../data/context.js';

export class ProvidedStateController implements ReactiveController {
  private unsubscribe?: () => void;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly onValue: (state: CrmDataState) => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.host.dispatchEvent(new ContextEvent(crmDataContext, this.host, this.receive, true));
  }

  hostDisconnected(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
  }

  /** Stable identity: a ContextRoot replays requests of late providers with it. */
  private readonly receive = (value: CrmDataState, unsubscribe?: () => void): void => {
    // Another provider now answers: leave the old one.
    if (this.unsubscribe && this.unsubscribe !== unsubscribe) this.unsubscribe();
    this.unsubscribe = unsubscribe;
    this.onValue(value);
  };
}
