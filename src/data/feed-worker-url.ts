/**
 * Starts the feed worker. Its own module so that builds which cannot ship the worker as a second file (the
 * single-file bundle, see vite.config.ts) swap it for `no-feed-worker.ts`, and loads parse on the main thread.
 */
export function startFeedWorker(): Worker | undefined {
  if (typeof Worker === 'undefined') return undefined;
  return new Worker(new URL('./feed-worker.ts', import.meta.url), { type: 'module', name: 'crm-lens feed' });
}
