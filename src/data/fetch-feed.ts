/**
 * Downloads a feed's bytes: streamed with progress, abortable, conditional (ETag / Last-Modified), and with a
 * FeedError for every way a download can fail (HTTP status, network, truncated body, abort).
 */
import { FeedError, quoteSnippet } from './errors.js';
import type { LoadProgress } from './types.js';

export interface FetchFeedOptions {
  /** Name used in error messages; defaults to the URL. */
  feed?: string;
  signal?: AbortSignal;
  /** Called as bytes arrive: `loaded` so far and `total` from Content-Length when the server sent it. */
  onProgress?: (progress: LoadProgress) => void;
  /** ETag of a cached copy: sent as `If-None-Match`, so an unchanged feed answers 304. */
  etag?: string;
  /** Last-Modified of a cached copy: sent as `If-Modified-Since`. */
  lastModified?: string;
  /** Revalidate with the server even when the browser's HTTP cache holds a fresh copy. */
  reload?: boolean;
  /** The fetch to use (default `globalThis.fetch`). */
  fetch?: typeof fetch;
  /**
   * Seconds without progress (no response headers yet, or no new bytes of the body) after which the download
   * is stopped with FeedError `stalled`. Default 30; 0 or Infinity for none.
   */
  stallTimeout?: number;
}

/** Seconds without a byte after which a download counts as stalled. */
export const DEFAULT_STALL_TIMEOUT = 30;

/** The server sent the feed. */
export interface FetchedFeed {
  notModified: false;
  body: Uint8Array;
  /** Content-Type header, used with the URL to pick the format. */
  contentType?: string;
  /** Final URL (after redirects). */
  url: string;
  etag?: string;
  lastModified?: string;
}

/** The server answered 304: the cached copy named by the validators is still current. */
export interface FeedNotModified {
  notModified: true;
  etag?: string;
  lastModified?: string;
}

export type FetchFeedResult = FetchedFeed | FeedNotModified;

const EXCERPT_CHARS = 120;

/**
 * Fetches `url` and reads its body to the end, reporting progress. Throws FeedError; `stalled` when nothing
 * arrives for `stallTimeout` seconds (the request is aborted then).
 */
export async function fetchFeed(url: string, options: FetchFeedOptions = {}): Promise<FetchFeedResult> {
  const seconds = options.stallTimeout ?? DEFAULT_STALL_TIMEOUT;
  if (!(seconds > 0) || !Number.isFinite(seconds)) return fetchOnce(url, options);
  const feed = options.feed ?? url;
  const outer = options.signal;
  const inner = new AbortController();
  const onAbort = () => inner.abort(outer!.reason);
  if (outer?.aborted) inner.abort(outer.reason);
  else outer?.addEventListener('abort', onAbort, { once: true });
  let stalled = false;
  let loaded = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const arm = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      stalled = true;
      inner.abort(new Error(`no data for ${seconds} s`));
    }, seconds * 1000);
  };
  arm();
  try {
    return await fetchOnce(url, {
      ...options,
      signal: inner.signal,
      onProgress: (p) => {
        loaded = p.loaded;
        arm();
        options.onProgress?.(p);
      },
    });
  } catch (error) {
    if (stalled && !outer?.aborted) {
      throw new FeedError({
        kind: 'stalled',
        code: 'stalled',
        params: { seconds, loaded },
        feed,
        expected: 'the download to go on',
        found: `no data for ${seconds} s after ${loaded} bytes: the download was stopped`,
        hint: 'Retry, or raise stall-timeout for a slow server.',
        cause: error,
      });
    }
    throw error;
  } finally {
    clearTimeout(timer);
    outer?.removeEventListener('abort', onAbort);
  }
}

async function fetchOnce(url: string, options: FetchFeedOptions): Promise<FetchFeedResult> {
  const feed = options.feed ?? url;
  const { signal, onProgress } = options;
  const headers = new Headers();
  if (options.etag) headers.set('If-None-Match', options.etag);
  if (options.lastModified) headers.set('If-Modified-Since', options.lastModified);
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);

  throwIfAborted(signal, feed);
  let response: Response;
  try {
    response = await doFetch(url, { headers, signal, cache: options.reload ? 'no-cache' : 'default' });
  } catch (cause) {
    throwIfAborted(signal, feed, cause);
    throw new FeedError({
      kind: 'network',
      code: 'network',
      feed,
      expected: 'a response from the server',
      found: `no response (${errorText(cause)}): the server is unreachable, offline, or refused the request (CORS)`,
      cause,
    });
  }

  const validators = {
    etag: response.headers.get('ETag') ?? undefined,
    lastModified: response.headers.get('Last-Modified') ?? undefined,
  };
  if (response.status === 304) return { notModified: true, ...validators };
  if (!response.ok) {
    const text = await response.text().catch(() => '');
    const excerpt = text ? quoteSnippet(bodyExcerpt(text), EXCERPT_CHARS) : '';
    throw new FeedError({
      kind: 'http',
      // The server's own words stay as they are (quoted); the sentence around them is localized.
      code: excerpt ? 'http-body' : 'http',
      params: { status: `${response.status}${response.statusText ? ` ${response.statusText}` : ''}`, excerpt },
      feed,
      status: response.status,
      expected: 'HTTP 200 with the feed',
      found: `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}${excerpt ? `: ${excerpt}` : ''}`,
    });
  }

  // Content-Length counts the bytes on the wire; with a Content-Encoding the stream yields more than that.
  const encoded = (response.headers.get('Content-Encoding') ?? 'identity') !== 'identity';
  const length = Number(response.headers.get('Content-Length') ?? NaN);
  const total = !encoded && Number.isFinite(length) && length >= 0 ? length : undefined;
  const body = await readBody(response, { feed, signal, onProgress, total });
  return {
    notModified: false,
    body,
    contentType: response.headers.get('Content-Type') ?? undefined,
    url: response.url || url,
    ...validators,
  };
}

/** Reads a response body chunk by chunk into one Uint8Array, reporting progress. */
async function readBody(
  response: Response,
  opts: { feed: string; signal?: AbortSignal; onProgress?: (p: LoadProgress) => void; total?: number },
): Promise<Uint8Array> {
  const { feed, signal, onProgress, total } = opts;
  const report = (loaded: number) => onProgress?.(total === undefined ? { loaded } : { loaded, total });
  report(0);
  if (!response.body) return new Uint8Array(await response.arrayBuffer());

  const reader = response.body.getReader();
  // Known length: one buffer, filled in place. Unknown: collect chunks and join once at the end.
  let buffer = total !== undefined ? new Uint8Array(total) : undefined;
  const chunks: Uint8Array[] = [];
  let loaded = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (buffer) {
        if (loaded + value.length > buffer.length) {
          const grown = new Uint8Array(Math.max(buffer.length * 2, loaded + value.length));
          grown.set(buffer.subarray(0, loaded));
          buffer = grown;
        }
        buffer.set(value, loaded);
      } else {
        chunks.push(value);
      }
      loaded += value.length;
      report(loaded);
    }
  } catch (cause) {
    throwIfAborted(signal, feed, cause);
    throw truncated(feed, loaded, total, `the connection failed mid-body (${errorText(cause)})`, cause);
  }
  if (total !== undefined && loaded < total) {
    throw truncated(feed, loaded, total, 'the body ended early');
  }
  if (buffer) return loaded === buffer.length ? buffer : buffer.slice(0, loaded);
  return joinChunks(chunks, loaded);
}

function joinChunks(chunks: Uint8Array[], size: number): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

function truncated(feed: string, loaded: number, total: number | undefined, how: string, cause?: unknown) {
  return new FeedError({
    kind: 'truncated',
    code: total !== undefined ? 'truncated-of' : 'truncated',
    params: { loaded, total: total ?? '' },
    feed,
    expected: total !== undefined ? `${total} bytes (Content-Length)` : 'the complete body',
    found: `${loaded} bytes: ${how}`,
    cause,
  });
}

/** Throws FeedError 'aborted' when the signal has fired. */
export function throwIfAborted(signal: AbortSignal | undefined, feed: string, cause?: unknown): void {
  if (signal?.aborted) throw abortedError(feed, cause ?? signal.reason);
}

export function abortedError(feed: string, cause?: unknown): FeedError {
  return new FeedError({
    kind: 'aborted',
    feed,
    expected: 'the load to finish',
    found: 'it was aborted',
    cause,
  });
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The readable text of an error body: HTML tags dropped so the excerpt shows the server's words. */
function bodyExcerpt(text: string): string {
  return /^\s*</.test(text)
    ? text
        .replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ')
        .replace(/<[^>]*>/g, ' ')
        .replace(/&nbsp;/g, ' ')
    : text;
}
