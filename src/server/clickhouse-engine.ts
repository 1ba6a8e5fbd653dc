import { clickhouse } from './dialect.js';
import { abortError, type SqlEngine, type SqlRow } from './sql-engine.js';
import { inlineClickhouseParams, type SqlQuery } from './sql-params.js';

export interface ClickHouseOptions {
  /** The HTTP interface, e.g. `http://127.0.0.1:8123`. */
  url: string;
  database?: string;
  user?: string;
  password?: string;
  /** Settings sent with every query (e.g. `max_execution_time`). */
  settings?: Record<string, string | number>;
}

/**
 * ClickHouse over its HTTP interface with plain `fetch`: no client library, because the official one needs a
 * far newer server than Debian's 18.16, and one POST per query is all this needs. 18.16 has no HTTP query
 * parameters, so values are bound as escaped literals (`inlineClickhouseParams`; tested with injection strings).
 */
export class ClickHouseEngine implements SqlEngine {
  readonly dialect = clickhouse;
  readonly options: ClickHouseOptions;
  constructor(options: ClickHouseOptions) {
    new URL(options.url); // fails early on a malformed URL
    // Long IN lists (a linked selection of many customers) exceed the default 256 KB query size.
    this.options = { ...options, settings: { max_query_size: 256 * 1024 * 1024, ...options.settings } };
  }

  /** Runs a statement without a result (DDL, INSERT … FORMAT …): for loaders and tests, never with request values. */
  async execute(sql: string): Promise<void> {
    await this.send(sql);
  }

  private async post(sql: string, signal?: AbortSignal): Promise<SqlRow[]> {
    const text = await this.send(`${sql} FORMAT JSON`, signal, true);
    return (JSON.parse(text) as { data: SqlRow[] }).data;
  }

  /**
   * One POST. `idempotent` reads are sent once more when the connection was closed under us (a socket error,
   * "other side closed"): ClickHouse closes idle keep-alive connections after 3 s (keep_alive_timeout), fetch
   * keeps them 4 s, so a pooled connection can be dead when a request picks it.
   */
  private async send(body: string, signal?: AbortSignal, idempotent = false): Promise<string> {
    try {
      return await this.sendOnce(body, signal);
    } catch (e) {
      const code = ((e as Error).cause as { cause?: { code?: string } } | undefined)?.cause?.code;
      if (!idempotent || signal?.aborted || code !== 'UND_ERR_SOCKET') throw e;
      return this.sendOnce(body, signal);
    }
  }

  private async sendOnce(body: string, signal?: AbortSignal): Promise<string> {
    const url = new URL(this.options.url);
    if (this.options.database) url.searchParams.set('database', this.options.database);
    for (const [k, v] of Object.entries(this.options.settings ?? {})) url.searchParams.set(k, String(v));
    const headers: Record<string, string> = { 'content-type': 'text/plain; charset=utf-8' };
    if (this.options.user) headers['X-ClickHouse-User'] = this.options.user;
    if (this.options.password) headers['X-ClickHouse-Key'] = this.options.password;
    let response: Response;
    try {
      response = await fetch(url, { method: 'POST', body, headers, signal });
    } catch (e) {
      if (signal?.aborted) throw abortError();
      throw new Error(`ClickHouse at ${url.origin} could not be reached: ${(e as Error).message}`, { cause: e });
    }
    const text = await response.text();
    if (!response.ok) throw new Error(`ClickHouse error ${response.status}: ${text.trim().slice(0, 2000)}`);
    return text;
  }

  async describe(quotedName: string): Promise<Map<string, string>> {
    const rows = await this.post(`DESCRIBE TABLE ${quotedName}`);
    return new Map(rows.map((r) => [String(r.name), String(r.type)]));
  }

  query(q: SqlQuery, signal?: AbortSignal): Promise<SqlRow[]> {
    if (signal?.aborted) return Promise.reject(abortError());
    return this.post(inlineClickhouseParams(q), signal);
  }

  async close(): Promise<void> {}
}
