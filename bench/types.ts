/** What a bench page reports to `scripts/bench.mjs` through `window.__benchResults`. */

/** One measured figure. Rows with the same `name` are combined across runs (median). */
export interface BenchRow {
  name: string;
  value: number;
  /** `ms`, `MB`, `rows`, … (shown in the table). */
  unit: string;
  /** Short explanation shown beside the figure. */
  note?: string;
}

export type BenchOutcome =
  | { suite: string; ok: true; rows: BenchRow[] }
  /** The suite could not run (e.g. a module it measures is not there yet): `reason` goes into BENCHMARKS.md. */
  | { suite: string; ok: false; reason: string };

/** What a suite module exports. */
export interface BenchSuite {
  run(params: URLSearchParams, log: (line: string) => void): Promise<BenchRow[]>;
}

/** A suite throws this when it cannot run here (reported as "not measured", not as a failure). */
export class BenchUnavailable extends Error {
  override name = 'BenchUnavailable';
}

declare global {
  interface Window {
    __benchResults?: BenchOutcome;
  }
  interface Performance {
    /** Chromium only (precise with --enable-precise-memory-info). */
    memory?: { usedJSHeapSize: number; totalJSHeapSize: number; jsHeapSizeLimit: number };
  }
}

/** Forces a full garbage collection when the page runs with --js-flags=--expose-gc (the harness sets it). */
export function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/** JS heap in use (MB), or NaN outside Chromium. */
export function heapMB(): number {
  const m = performance.memory;
  return m ? m.usedJSHeapSize / 1e6 : NaN;
}

/** Milliseconds an async step takes, with its result. */
export async function timed<T>(step: () => Promise<T> | T): Promise<[T, number]> {
  const t0 = performance.now();
  const value = await step();
  return [value, performance.now() - t0];
}
