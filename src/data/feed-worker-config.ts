/**
 * Where the feed worker comes from, for pages that must choose (see docs/frameworks.md, "Content-Security-
 * Policy and CDNs"): `setFeedWorkerUrl(url)` serves it from elsewhere, `setFeedWorkerUrl(false)` parses every
 * feed on the main thread. Both builds honour it (feed-worker-url.ts, bundle-feed-worker.ts).
 */
let configured: string | URL | false | undefined;

/**
 * Where the feed worker is loaded from: a URL (absolute, or relative to the page), `false` for none (feeds
 * parse on the main thread), `undefined` for the build's own worker file. Call it before the first feed loads.
 */
export function setFeedWorkerUrl(url: string | URL | false | undefined): void {
  configured = url;
}

/** The configured worker URL, `false` for none, undefined for the build's own. */
export const feedWorkerUrl = (): string | URL | false | undefined => configured;

export const WORKER_NAME = 'crm-lens feed';

/**
 * A module worker from `url`. From another origin (a CDN) a worker cannot be started from the script's URL,
 * so a one-line `blob:` module importing it is started instead: the server must send CORS headers (public CDNs
 * do) and a CSP needs `worker-src blob:`.
 */
export function startModuleWorker(url: URL): Worker {
  const options: WorkerOptions = { type: 'module', name: WORKER_NAME };
  if (typeof location === 'undefined' || url.origin === location.origin) return new Worker(url, options);
  const shim = URL.createObjectURL(new Blob([`import ${JSON.stringify(url.href)};`], { type: 'text/javascript' }));
  // Revoked once the worker had ample time to fetch it (revoking at once could race the fetch).
  setTimeout(() => URL.revokeObjectURL(shim), 60_000);
  return new Worker(shim, options);
}

/** A configured URL resolved against the page. */
export const resolveWorkerUrl = (url: string | URL): URL =>
  new URL(url, typeof document === 'undefined' ? undefined : document.baseURI);
