// Imported first by page.ts, so it sees every long task (buffered) and every drawing from the start of the page.
// Reads only public signals: `crm-render` events (widget, state, time), `crm-data-load`, long tasks.
import type { CrmDataLoadDetail } from '../../src/data/events.js';

export interface Probe {
  renders: { tag: string; state: string; at: number }[];
  longTasks: { start: number; duration: number }[];
  loads: { fromCache: boolean; problem?: string; at: number }[];
  /** When the page's own script started (after its modules loaded). */
  pageScriptAt: number;
}

declare global {
  interface Window {
    __probe: Probe;
  }
}

export const probe: Probe = (window.__probe = { renders: [], longTasks: [], loads: [], pageScriptAt: NaN });
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) probe.longTasks.push({ start: e.startTime, duration: e.duration });
}).observe({ type: 'longtask', buffered: true });
document.addEventListener('crm-render', (e) => {
  probe.renders.push({ tag: (e.target as Element).localName, state: e.detail.state, at: performance.now() });
});
document.addEventListener('crm-data-load', (e) => {
  const { cache } = (e as CustomEvent<CrmDataLoadDetail>).detail;
  probe.loads.push({ fromCache: !!cache?.fromCache, problem: cache?.cacheProblem, at: performance.now() });
});
