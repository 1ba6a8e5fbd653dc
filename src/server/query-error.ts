/**
 * A request the server will not answer as asked (bad descriptor, unknown family or option, a value of the wrong
 * type): HTTP 400 with this message. Anything else that fails is the server's own problem (HTTP 500).
 */
export class QueryError extends Error {
  readonly status: number;
  constructor(message: string, status = 400) {
    super(message);
    this.name = 'QueryError';
    this.status = status;
  }
}

/** Errors the metric functions throw for a bad option (TypeError/RangeError) become 400s; others pass through. */
export function asQueryError(e: unknown): unknown {
  if (e instanceof QueryError) return e;
  if (e instanceof TypeError || e instanceof RangeError) return new QueryError(e.message);
  return e;
}
