import type { IncomingMessage, ServerResponse } from 'node:http';
import { toWireJson } from '../remote/wire-json.js';
import { QueryError } from './query-error.js';
import type { Scope } from './scope.js';
import type { ServerEngine } from './server-engine.js';

export interface HandlerOptions {
  /** The engine over the host's tables (`createServerEngine`). */
  engine: ServerEngine;
  /**
   * The host's server-side scope for this request, from its own auth (a session, a verified token): e.g.
   * `(req) => ({ tenant_id: tenantOf(req) })`. Applied to every query; `{}` for none. Throw an error with a
   * `status` (401, 403) to refuse the request.
   */
  scope: (req: IncomingMessage) => Scope | Promise<Scope>;
  /** Largest request body accepted (bytes). Default 8 MiB (a linked selection of 100k customer ids fits). */
  maxBodyBytes?: number;
  /** Called with errors that are the server's own (HTTP 500); default `console.error`. */
  onError?: (error: unknown, req: IncomingMessage) => void;
}

/** A Node request, possibly with a body a framework has already parsed (Express `express.json()`). */
type Request = IncomingMessage & { body?: unknown };

function send(res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}): void {
  if (res.headersSent || res.writableEnded) return;
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff', ...headers });
  res.end(body);
}

const errorBody = (message: string) => JSON.stringify({ error: { message } });

function readBody(req: Request, limit: number): Promise<unknown> {
  if (req.body !== undefined && typeof req.body === 'object') return Promise.resolve(req.body);
  const tooLarge = () => new QueryError(`request body over ${limit} bytes`, 413);
  if (Number(req.headers['content-length']) > limit) {
    req.resume(); // read and drop the body, so the client gets the answer instead of a reset connection
    return Promise.reject(tooLarge());
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
    });
    req.on('end', () => {
      if (size > limit) return reject(tooLarge());
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
      } catch (e) {
        reject(new QueryError(`request body: not JSON (${(e as Error).message})`));
      }
    });
    req.on('error', reject);
  });
}

/**
 * The `/crm-query` endpoint as a plain Node request handler: `http.createServer(handler)`, or mounted in
 * Express (`app.post('/crm-query', handler)`), Fastify (`reply.hijack(); handler(req.raw, reply.raw)`) or Koa
 * (`ctx.respond = false; handler(ctx.req, ctx.res)`). It takes `POST` with a JSON query descriptor
 * (src/query/protocol.ts) and answers `{ "result": … }` in the wire JSON (src/remote/wire-json.ts) or
 * `{ "error": { "message" } }` with 400 (bad descriptor), 405, 413, 415, 501 (family not served) or 500.
 * The browser sends descriptors only, never SQL; the scope comes from `options.scope`, never from the body.
 */
export function createHandler(options: HandlerOptions): (req: IncomingMessage, res: ServerResponse, next?: (e?: unknown) => void) => void {
  const limit = options.maxBodyBytes ?? 8 * 1024 * 1024;
  const onError = options.onError ?? ((e: unknown) => console.error('crm-lens/server:', e));
  return (req, res) => {
    void (async () => {
      if (req.method !== 'POST') return send(res, 405, errorBody(`use POST with a JSON query descriptor (got ${req.method})`), { allow: 'POST' });
      // JSON only: a cross-site HTML form cannot send it without a CORS preflight the host would have to allow.
      const type = String(req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
      if (type !== 'application/json') return send(res, 415, errorBody(`send the descriptor as application/json (got ${type || 'no content type'})`));
      const aborter = new AbortController();
      res.on('close', () => {
        if (!res.writableFinished) aborter.abort();
      });
      try {
        const descriptor = await readBody(req as Request, limit);
        const scope = await options.scope(req);
        const result = await options.engine.answer(descriptor, scope, aborter.signal);
        send(res, 200, `{"result":${toWireJson(result)}}`);
      } catch (e) {
        if (aborter.signal.aborted) return; // the page went away or cancelled: nobody reads an answer
        if (e instanceof QueryError) return send(res, e.status, errorBody(e.message));
        const status = (e as { status?: unknown }).status;
        if (typeof status === 'number' && status >= 400 && status < 500) return send(res, status, errorBody((e as Error).message || 'refused'));
        onError(e, req);
        send(res, 500, errorBody('the query failed on the server (see its log)'));
      }
    })();
  };
}
