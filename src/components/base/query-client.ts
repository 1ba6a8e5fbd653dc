/**
 * The query client of a widget (a ReactiveController): turns the widget's declared queries into its result
 * through the `<crm-data>` coordinator, recomputing only when the descriptors' JSON (or extra inputs) change.
 * A superseded computation is aborted, which cancels its queries (docs/queries.md).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { initialState, Task, TaskStatus } from '@lit/task';
import { stableJson } from '../../data/cache.js';
import type { CrmFilter } from '../../metrics/filter-types.js';
import type { QueryCoordinator } from '../../query/coordinator.js';
import type { QueryDescriptor, QueryResult, QueryResultOf, StageMembershipSpec } from '../../query/protocol.js';

/**
 * What a widget builds its queries from (see `CrmWidget.queries`): the common part of every descriptor, and the
 * `segments` attribute.
 */
export interface WidgetQueryContext {
  /** `as-of` as an epoch day; undefined → the metric's default (the last order day in the data). */
  asOf?: number;
  /**
   * The filter to apply: the widget's attribute filter AND the linked filter, minus the field of this widget's
   * own selection (a widget highlights its selection instead of filtering itself by it).
   */
  filter: CrmFilter;
  /**
   * Resolves `filter.stages` (a stage selected in a linked `<crm-lifecycle-funnel>`): the stage definitions and
   * mode that came with the selection; undefined → default stages, mode auto. Present only when the filter has
   * stages.
   */
  stageMembership?: StageMembershipSpec;
  /** The `segments` attribute: the RFM segment preset name, if set. */
  segmentPreset?: string;
}

/** A widget's queries by name; `null` for one it does not need now. */
export type WidgetQueries = Record<string, QueryDescriptor | null>;

/** The results of `WidgetQueries`, by the same names (`null` where the query was `null`). */
export type WidgetResults = Record<string, QueryResult | null>;

/**
 * The common part of a query descriptor from the widget's context: `asOf`, `filter` and `stageMembership`
 * (forgetting the last made a widget fail on a stage selected in a linked funnel). Spread and extend it.
 */
export function queryCommon(o: WidgetQueryContext): { asOf?: number; filter: CrmFilter; stageMembership?: StageMembershipSpec } {
  return {
    ...(o.asOf !== undefined ? { asOf: o.asOf } : {}),
    filter: o.filter,
    ...(o.stageMembership ? { stageMembership: o.stageMembership } : {}),
  };
}

export interface QueryClientOptions<Result> {
  /** The coordinator answering queries and the tables version (undefined: no tables yet). */
  source(): { queries?: QueryCoordinator; version?: number } | undefined;
  /** The widget's queries (may throw: the error state). */
  queries(): WidgetQueries;
  compose(results: WidgetResults, queries: WidgetQueries, signal: AbortSignal): Result | Promise<Result>;
  /** Extra inputs of `compose`, compared one by one. */
  extraArgs(): readonly unknown[];
}

type Plan = { queries: WidgetQueries; key: string } | { error: unknown; key: string };

export class QueryClientController<Result> implements ReactiveController {
  private planned: Plan = { queries: {}, key: '' };
  private readonly task: Task<readonly unknown[], Result>;

  constructor(
    host: ReactiveControllerHost,
    private readonly options: QueryClientOptions<Result>,
  ) {
    // Added before its Task, so the plan is fresh when the Task compares its arguments.
    host.addController(this);
    this.task = new Task(host, {
      args: () => {
        const source = this.options.source();
        return [source?.queries, source?.version, this.planned.key, ...this.options.extraArgs()];
      },
      task: async ([coordinator], { signal }) => {
        const queries = coordinator as QueryCoordinator | undefined;
        if (!queries) return initialState;
        const plan = this.planned;
        if ('error' in plan) throw plan.error;
        const names = Object.keys(plan.queries);
        const answers = await Promise.all(names.map((n) => (plan.queries[n] ? queries.query(plan.queries[n]!, signal) : null)));
        const results: WidgetResults = {};
        names.forEach((n, i) => (results[n] = answers[i]));
        return this.options.compose(results, plan.queries, signal);
      },
    });
  }

  hostUpdate(): void {
    this.planned = this.plan();
  }

  /** True when the widget's queries now differ from those its result answers (a state change affects it). */
  get outdated(): boolean {
    return this.plan().key !== this.planned.key;
  }

  /** The last result (kept while a new one is computed). */
  get value(): Result | undefined {
    return this.task.value;
  }

  get pending(): boolean {
    return this.task.status === TaskStatus.PENDING;
  }

  /** The error of the last computation, when it failed. */
  get failed(): { error: unknown } | undefined {
    return this.task.status === TaskStatus.ERROR ? { error: this.task.error } : undefined;
  }

  get complete(): boolean {
    return this.task.status === TaskStatus.COMPLETE;
  }

  /** Compute again (Retry). */
  run(): void {
    void this.task.run();
  }

  /** A further query (one that depends on another's result); same coordinator. */
  ask<D extends QueryDescriptor>(descriptor: D, signal?: AbortSignal): Promise<QueryResultOf<D>> {
    const queries = this.options.source()?.queries;
    if (!queries) return Promise.reject(new Error('no tables to query yet'));
    return queries.query(descriptor, signal);
  }

  /** Customer ids a `*-customers` query computes in the data worker. */
  customerIdsOf(descriptor: QueryDescriptor): Promise<string[]> {
    const queries = this.options.source()?.queries;
    if (!queries) return Promise.resolve([]);
    return queries.query(descriptor).then((r) => (r as { ids: string[] }).ids);
  }

  private plan(): Plan {
    try {
      const queries = this.options.queries();
      return { queries, key: stableJson(queries) };
    } catch (error) {
      return { error, key: `error ${error instanceof Error ? error.message : String(error)}` };
    }
  }
}
