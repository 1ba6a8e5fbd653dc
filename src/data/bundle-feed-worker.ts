/**
 * Stands in for feed-worker-url.ts in the single-file bundle (see vite.config.ts): the bundle's worker is its
 * sibling file `crm-lens.bundle.worker.js`, found next to the bundle through `import.meta.url` — serve both
 * from the same folder (a CDN path serves both). `setFeedWorkerUrl` points elsewhere or turns it off. When no
 * worker starts, feeds parse on the main thread and the load report says so.
 */
import { feedWorkerUrl, resolveWorkerUrl, startModuleWorker } from './feed-worker-config.js';

export const BUNDLE_WORKER_FILE = 'crm-lens.bundle.worker.js';

export function startFeedWorker(): Worker | undefined {
  const configured = feedWorkerUrl();
  if (typeof Worker === 'undefined' || configured === false) return undefined;
  // A variable, not a literal: bundlers must not try to resolve the sibling file at build time.
  const file = BUNDLE_WORKER_FILE;
  return startModuleWorker(configured ? resolveWorkerUrl(configured) : new URL(file, import.meta.url));
}
