/**
 * Starts the feed worker. Its own module so that the single-file bundle (see vite.config.ts) can swap it for
 * `bundle-feed-worker.ts`, which starts the bundle's sibling worker file instead.
 */
import { feedWorkerUrl, resolveWorkerUrl, startModuleWorker, WORKER_NAME } from './feed-worker-config.js';

export function startFeedWorker(): Worker | undefined {
  const configured = feedWorkerUrl();
  if (typeof Worker === 'undefined' || configured === false) return undefined;
  if (configured) return startModuleWorker(resolveWorkerUrl(configured));
  // This exact form lets bundlers (Vite, webpack, Rollup plugins) emit the worker as a file of its own.
  return new Worker(new URL('./feed-worker.ts', import.meta.url), { type: 'module', name: WORKER_NAME });
}
