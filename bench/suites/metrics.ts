// The metrics suite: a placeholder until the metrics land. Replace `run` with timings of prepareOrders and
// each metric over the 1M-order feed (load it as bench/suites/data.ts does), returning one BenchRow per figure.
import { BenchUnavailable, type BenchRow } from '../types.js';

export async function run(): Promise<BenchRow[]> {
  throw new BenchUnavailable('the metrics suite is a placeholder: no metric is benchmarked yet');
}
