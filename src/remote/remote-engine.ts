import type { Engine, QueryDescriptor, QueryResultOf } from '../query/protocol.js';
import { fromWireJson } from './wire-json.js';

export interface RemoteEngineOptions {
  /** The server's query endpoint (`crm-lens/server`'s handler), e.g. `/crm-query`. */
  endpoint: string;
  /** Extra request headers (an auth token the host's server checks), or a function giving them per request. */
  headers?: Record<string, string> | (() => Record<string, string>);
  /** Cookies for the endpoint: `same-origin` (default) or `include` for a server on another origin. */
  credentials?: RequestCredentials;
}

/** An answer the server refused or failed (status 4xx/5xx), with the server's message. */
export class RemoteQueryError extends Error {
  readonly status: number;
  constructor(message: string, status: number) {
    super(message);
    this.name = 'RemoteQueryError';
    this.status = status;
  }
}

/**
 * The protocol's `Engine` answered by a server (`<crm-data engine="remote" endpoint="…">`): each query is one
 * POST of its descriptor (JSON; never SQL), the result comes back in the wire JSON and is the same value the data
 * worker would post (typed arrays, Maps). Aborting the signal aborts the request; the server then stops the query.
 */
export class RemoteEngine implements Engine {
  constructor(readonly options: RemoteEngineOptions) {}

  async query<D extends QueryDescriptor>(descriptor: D, signal?: AbortSignal): Promise<QueryResultOf<D>> {
    const { endpoint, headers, credentials = 'same-origin' } = this.options;
    const extra = typeof headers === 'function' ? headers() : headers;
    const response = await fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', ...extra },
      body: JSON.stringify(descriptor),
      credentials,
      signal,
    });
    const text = await response.text();
    if (!response.ok) {
      let message = `${endpoint} answered ${response.status} ${response.statusText}`.trim();
      try {
        const body = JSON.parse(text) as { error?: { message?: string } };
        if (body.error?.message) message = body.error.message;
      } catch {
        // not our JSON (a proxy's error page): keep the status line
      }
      throw new RemoteQueryError(message, response.status);
    }
    const body = fromWireJson<{ result?: QueryResultOf<D> }>(text);
    if (!body || typeof body !== 'object' || !('result' in body)) throw new RemoteQueryError(`${endpoint}: the answer has no result`, response.status);
    return body.result as QueryResultOf<D>;
  }
}
