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

  it('long runs (selection, not a sort): equal to the median of the sorted values, for any order and ties', () => {
    // Reference: sort a copy and take the middle. Inputs: an LCG's values (many ties), sorted, reversed, constant.
    let seed = 7;
    const next = () => (seed = (seed * 48271) % 2147483647);
    for (const n of [33, 34, 100, 101, 1000, 4097]) {
      const random = Float64Array.from({ length: n }, () => next() % 50);
      const cases = [random, random.slice().sort(), random.slice().sort().reverse(), new Float64Array(n).fill(3)];
      for (const values of cases) {
        const sorted = values.slice().sort();
        const h = n >> 1;
        const expected = n % 2 ? sorted[h] : (sorted[h - 1] + sorted[h]) / 2;
        const tail = Float64Array.from([-1, -2]);
        const withTail = Float64Array.from([...values, ...tail]);
        expect(medianInPlace(withTail, n), `n ${n}`).to.equal(expected);
        expect(Array.from(withTail.subarray(n))).to.deep.equal([-1, -2]); // values beyond n untouched
        expect(Array.from(withTail.subarray(0, n)).sort((a, b) => a - b)).to.deep.equal(Array.from(sorted)); // reordered, not changed
      }
    }
  });

  it('gives the same median for long runs', () => {
    // 0, 1, …, 99 shuffled by a fixed stride: median (49 + 50) / 2.
    const a = Float64Array.from({ length: 100 }, (_, i) => (i * 37) % 100);
    expect(medianInPlace(a)).to.equal(49.5);
    const odd = Float64Array.from({ length: 41 }, (_, i) => (i * 7) % 41); // 0 … 40 → 20
    expect(medianInPlace(odd)).to.equal(20);
  });
});
