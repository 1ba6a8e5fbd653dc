/**
 * Where a widget's data comes from (a ReactiveController): its own `src` or `tables` (a FeedController of its
 * own), else the enclosing `<crm-data>`'s state, subscribed without an unconditional update — the widget is told
 * of each new provided state and decides whether it changes anything it shows.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { CrmDataState } from '../../data/context.js';
import { FeedController } from '../../data/feed-controller.js';
import type { CrmTables, FeedRequest } from '../../data/types.js';
import { ProvidedStateController } from './provided-state.js';

export interface DataSourceOptions {
  /** A new state from the enclosing `<crm-data>` (`before`: the previous one). */
  provided(state: CrmDataState, before: CrmDataState | undefined): void;
}

export class DataSourceController implements ReactiveController {
  /** The enclosing provider's state, if any. */
  provided?: CrmDataState;
  private readonly feed: FeedController;
  private own = false;

  constructor(host: ReactiveControllerHost & HTMLElement, options: DataSourceOptions) {
    host.addController(this);
    new ProvidedStateController(host, (state) => {
      const before = this.provided;
      this.provided = state;
      options.provided(state, before);
    });
    this.feed = new FeedController(host);
  }

  hostConnected(): void {}

  /** The state in use: the widget's own source when it has one, else the provider's. */
  get state(): CrmDataState | undefined {
    return this.own ? this.feed.state : this.provided;
  }

  /** True when the widget has its own source (`src` or `tables`). */
  get hasOwn(): boolean {
    return this.own;
  }

  /** The widget's own source: handed-over tables win over a request; neither → the provider's data. */
  setOwn(tables: CrmTables | undefined, request: (() => FeedRequest) | undefined): void {
    this.own = !!tables || !!request;
    this.feed.setTables(tables);
    if (!request) return this.feed.setRequest(undefined);
    try {
      this.feed.setRequest(request());
    } catch (error) {
      this.feed.setError(error instanceof Error ? error : new Error(String(error)));
    }
  }
}
