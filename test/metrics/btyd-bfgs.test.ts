import { expect } from '@open-wc/testing';
import { inBounds, minimizeBfgs } from '../../src/metrics/btyd/bfgs.js';

describe('minimizeBfgs', () => {
  it('finds the minimum of a quadratic and stops at the rounding-noise floor without wasting evaluations', () => {
    // f(θ) = (θ0 − 3)² + 10 (θ1 + 1)² plus noise in value (1e-13) and gradient (1e-8), like a real objective's
    // rounding: near the optimum the noise defeats the Armijo test and the gradient never reaches 0.
    let calls = 0;
    const f = (t: Float64Array, g: Float64Array) => {
      calls++;
      g[0] = 2 * (t[0] - 3) + 1e-8 * Math.cos(1e9 * t[1]);
      g[1] = 20 * (t[1] + 1) + 1e-8 * Math.sin(1e9 * t[0]);
      return (t[0] - 3) ** 2 + 10 * (t[1] + 1) ** 2 + 1e-13 * Math.sin(1e9 * t[0]);
    };
    const result = minimizeBfgs(f, [0, 0], { gradientTolerance: 0 }); // never met: it stops on stalls
    expect(result.theta[0]).to.be.closeTo(3, 1e-6);
    expect(result.theta[1]).to.be.closeTo(-1, 1e-6);
    // Without the 1e-10 move floor each stalled line search would halve up to 60 times.
    expect(calls, String(calls)).to.be.below(100);
  });
});

describe('inBounds', () => {
  it('accepts log-parameters whose values are strictly between 1e-6 and 1e6', () => {
    expect(inBounds([0, Math.log(2), Math.log(1e5)])).to.equal(true);
    expect(inBounds([Math.log(1e-7)])).to.equal(false);
    expect(inBounds([0, Math.log(2e6)])).to.equal(false);
    expect(inBounds([NaN])).to.equal(false);
  });
});
