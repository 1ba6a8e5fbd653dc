/** Stands in for feed-worker-url.ts where no worker file can ship (single-file bundle): feeds parse on the main thread. */
export function startFeedWorker(): Worker | undefined {
  return undefined;
}
