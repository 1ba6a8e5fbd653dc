import { expect } from '@open-wc/testing';
import { medianInPlace } from '../../src/metrics/lifecycle/median.js';

describe('medianInPlace', () => {
  it('sorts the first n values in place and takes the middle (short runs: insertion sort)', () => {
    const a = Float64Array.from([9, 1, 5, 3, 100]);
    expect(medianInPlace(a, 4)).to.equal(4); // 1 3 5 9 → (3 + 5) / 2
    expect(Array.from(a)).to.deep.equal([1, 3, 5, 9, 100]); // the tail beyond n is untouched
    expect(medianInPlace(Float64Array.from([7, -2, 7]))).to.equal(7);
    expect(medianInPlace(new Float64Array(3), 0)).to.equal(null);
  });

  it('gives the same median for long runs (typed-array sort)', () => {
    // 0, 1, …, 99 shuffled by a fixed stride: median (49 + 50) / 2.
    const a = Float64Array.from({ length: 100 }, (_, i) => (i * 37) % 100);
    expect(medianInPlace(a)).to.equal(49.5);
    const odd = Float64Array.from({ length: 41 }, (_, i) => (i * 7) % 41); // 0 … 40 → 20
    expect(medianInPlace(odd)).to.equal(20);
  });
});
