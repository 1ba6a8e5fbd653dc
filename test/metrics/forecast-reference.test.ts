// Holt-Winters against R's published results. The reference is R's own example output for `stats::HoltWinters`
// (R sources, tests/Examples/stats-Ex.Rout.save: `HoltWinters(co2)` and `HoltWinters(AirPassengers, seasonal =
// "mult")`, printed with options(digits = 5)), and R's printed output of `HoltWinters(AirPassengers)`
// (additive: α 0.2479595, β 0.03453373, γ 1, SSE 21860.18; coefficients a 477.827781, b 3.127627, s1 … s12
// below) as reproduced in public course notes and quoted alike by other libraries' tests (the Jan 1961 forecast
// 453.4977 too). The series are R's datasets (test/fixtures/reference/README.md).
import { expect } from '@open-wc/testing';
import { holtWinters, predictHoltWinters } from '../../src/metrics/forecast/holt-winters.js';
import { normalQuantile } from '../../src/metrics/forecast/normal-quantile.js';

async function series(name: string): Promise<number[]> {
  const text = await (await fetch(`/test/fixtures/reference/${name}.csv`)).text();
  return text.trim().split('\n').slice(1).map((line) => Number(line.split(',')[1]));
}

/** |a − b| ≤ tol · max(1, |b|). */
function near(actual: number, expected: number, tol: number, what: string) {
  expect(Math.abs(actual - expected) <= tol * Math.max(1, Math.abs(expected)), `${what}: ${actual} vs ${expected}`).to.equal(true);
}

const CO2 = {
  alpha: 0.51265, beta: 0.0094977, gamma: 0.47289, a: 364.76162, b: 0.12474,
  s: [0.22153, 0.95528, 1.59847, 2.8758, 3.28201, 2.4407, 0.89694, -1.37964, -3.41124, -3.25702, -1.91349, -0.58442],
};
const AIR_MULT = {
  alpha: 0.27559, beta: 0.032693, gamma: 0.87073, a: 469.32322, b: 3.02154,
  s: [0.94646, 0.88292, 0.97174, 1.03048, 1.04769, 1.18053, 1.35908, 1.33317, 1.10834, 0.98688, 0.83613, 0.92099],
};
const AIR_ADD = {
  alpha: 0.2479595, beta: 0.03453373, gamma: 1, sse: 21860.18, a: 477.827781, b: 3.127627,
  s: [-27.457685, -54.692464, -20.174608, 12.91912, 18.873607, 75.294426, 152.888368, 134.613464, 33.778349, -18.37906, -87.772408, -45.827781],
};

describe('Holt-Winters against R stats::HoltWinters', () => {
  it('with R’s smoothing parameters, the filter reproduces R’s coefficients (co2, additive)', async () => {
    const x = await series('co2');
    expect(x.length).to.equal(468);
    const fit = holtWinters(x, { kind: 'holt-winters', period: 12, alpha: CO2.alpha, beta: CO2.beta, gamma: CO2.gamma });
    // Printed to 5 significant digits, so agreement to ~1e-5 of the value.
    near(fit.a, CO2.a, 2e-6, 'a');
    near(fit.b, CO2.b, 1e-4, 'b');
    CO2.s.forEach((s, i) => near(fit.s[i]!, s, 2e-5, `s${i + 1}`));
  });

  it('estimates co2’s smoothing parameters as R does', async () => {
    const fit = holtWinters(await series('co2'), { kind: 'holt-winters', period: 12 });
    expect(fit.seasonal).to.equal('additive');
    near(fit.alpha, CO2.alpha, 1e-3, 'alpha');
    near(fit.beta, CO2.beta, 1e-3, 'beta');
    near(fit.gamma, CO2.gamma, 1e-3, 'gamma');
    near(fit.a, CO2.a, 1e-5, 'a');
    CO2.s.forEach((s, i) => near(fit.s[i]!, s, 2e-3, `s${i + 1}`));
  });

  it('AirPassengers, multiplicative: R’s coefficients from its parameters, and the same estimates', async () => {
    const x = await series('airpassengers');
    expect(x.length).to.equal(144);
    const fixed = holtWinters(x, { kind: 'holt-winters', period: 12, seasonal: 'multiplicative', alpha: 0.2755925, beta: 0.03269295, gamma: 0.8707292 });
    near(fixed.a, AIR_MULT.a, 1e-6, 'a');
    near(fixed.b, AIR_MULT.b, 1e-5, 'b');
    AIR_MULT.s.forEach((s, i) => near(fixed.s[i]!, s, 1e-5, `s${i + 1}`));
    const fit = holtWinters(x, { kind: 'holt-winters', period: 12, seasonal: 'multiplicative' });
    near(fit.alpha, AIR_MULT.alpha, 1e-3, 'alpha');
    near(fit.beta, AIR_MULT.beta, 1e-3, 'beta');
    near(fit.gamma, AIR_MULT.gamma, 1e-3, 'gamma');
  });

  it('AirPassengers, additive: R’s SSE and coefficients; point forecasts a + h·b + s_h', async () => {
    const x = await series('airpassengers');
    const fixed = holtWinters(x, { kind: 'holt-winters', period: 12, alpha: AIR_ADD.alpha, beta: AIR_ADD.beta, gamma: AIR_ADD.gamma });
    near(fixed.sse, AIR_ADD.sse, 1e-6, 'SSE');
    near(fixed.a, AIR_ADD.a, 1e-8, 'a');
    near(fixed.b, AIR_ADD.b, 1e-6, 'b');
    AIR_ADD.s.forEach((s, i) => near(fixed.s[i]!, s, 1e-7, `s${i + 1}`));
    const fit = holtWinters(x, { kind: 'holt-winters', period: 12 });
    near(fit.alpha, AIR_ADD.alpha, 1e-3, 'alpha');
    near(fit.beta, AIR_ADD.beta, 1e-3, 'beta');
    near(fit.gamma, AIR_ADD.gamma, 1e-3, 'gamma');
    near(fit.sse, AIR_ADD.sse, 1e-5, 'SSE'); // R stops at a relative SSE change of 2.2e-9; we land at or below it
    // predict.HoltWinters: Jan 1961 = a + b + s1 = 477.827781 + 3.127627 − 27.457685 = 453.497723.
    const p = predictHoltWinters(fixed, 12);
    near(p.mean[0]!, 453.497723, 1e-8, 'Jan 1961');
    near(p.mean[11]!, 477.827781 + 12 * 3.127627 - 45.827781, 1e-7, 'Dec 1961');
    // With the estimated parameters the forecast agrees with R's to the printed precision of the parameters.
    near(predictHoltWinters(fit, 1).mean[0]!, 453.4977, 1e-5, 'Jan 1961 (estimated)');
  });

  it('additive prediction intervals: var(residuals) · (1 + Σ ψⱼ²), ψⱼ = α(1 + jβ) + [j mod 12 = 0] γ(1 − α)', async () => {
    const fit = holtWinters(await series('airpassengers'), { kind: 'holt-winters', period: 12, alpha: 0.3, beta: 0.1, gamma: 0.2 });
    const r = fit.residuals;
    const mean = r.reduce((s, v) => s + v, 0) / r.length;
    const variance = r.reduce((s, v) => s + (v - mean) ** 2, 0) / (r.length - 1); // R's var()
    expect(r.length).to.equal(144 - 12);
    const p = predictHoltWinters(fit, 13, 0.95);
    const z = 1.959963984540054;
    near(p.upper[0]! - p.mean[0]!, z * Math.sqrt(variance), 1e-12, 'h = 1');
    const psi = (j: number) => 0.3 * (1 + j * 0.1) + (j % 12 === 0 ? 0.2 * 0.7 : 0);
    // h = 3: 1 + ψ1² + ψ2² = 1 + 0.33² + 0.36².
    near(p.sd[2]! ** 2, variance * (1 + 0.33 ** 2 + 0.36 ** 2), 1e-12, 'h = 3');
    // h = 13 includes the seasonal term at j = 12.
    let sum = 1;
    for (let j = 1; j <= 12; j++) sum += psi(j) ** 2;
    near(p.sd[12]! ** 2, variance * sum, 1e-12, 'h = 13');
    near(p.lower[12]!, p.mean[12]! - z * p.sd[12]!, 1e-12, 'lower');
  });

  it('the normal quantile of AS 241', () => {
    near(normalQuantile(0.975), 1.959963984540054, 1e-15, 'q(0.975)');
    near(normalQuantile(0.9), 1.2815515655446004, 1e-14, 'q(0.9)');
    near(normalQuantile(1e-10), -6.361340902404056, 1e-13, 'q(1e-10)');
    expect(normalQuantile(0.5)).to.equal(0);
  });
});

describe('non-seasonal Holt-Winters (the fallback under two seasons)', () => {
  it('Holt’s linear trend with given α, β, by hand', () => {
    // R's start: level x₂ = 12, trend x₂ − x₁ = 2, filtering from x₃.
    // t=3: forecast 14, error 1 → level 0.5·15 + 0.5·14 = 14.5, trend 0.5·2.5 + 0.5·2 = 2.25
    // t=4: forecast 16.75, error 1.25 → level 0.5·18 + 0.5·16.75 = 17.375, trend 0.5·2.875 + 0.5·2.25 = 2.5625
    const fit = holtWinters([10, 12, 15, 18], { kind: 'holt', alpha: 0.5, beta: 0.5 });
    expect(fit.start).to.equal(2);
    near(fit.a, 17.375, 1e-12, 'a');
    near(fit.b, 2.5625, 1e-12, 'b');
    near(fit.sse, 1 + 1.25 ** 2, 1e-12, 'SSE');
    const p = predictHoltWinters(fit, 2);
    near(p.mean[1]!, 17.375 + 2 * 2.5625, 1e-12, 'h = 2');
    // var of residuals (1, 1.25) = 0.03125; h = 2 factor 1 + ψ1², ψ1 = α(1 + β) = 0.75.
    near(p.sd[1]! ** 2, 0.03125 * (1 + 0.75 ** 2), 1e-12, 'h = 2 variance');
  });

  it('simple exponential smoothing by hand, and the estimate for a straight line', () => {
    const fit = holtWinters([10, 20, 30], { kind: 'ses', alpha: 0.5 });
    // level 10 → 0.5·20 + 0.5·10 = 15 → 0.5·30 + 0.5·15 = 22.5; errors 10 and 15.
    near(fit.a, 22.5, 1e-12, 'a');
    near(fit.sse, 100 + 225, 1e-12, 'SSE');
    // A straight line is fitted exactly by Holt (any α, β = 1 start): the SSE is 0.
    const line = holtWinters([3, 5, 7, 9, 11, 13], { kind: 'holt' });
    expect(line.sse).to.be.below(1e-12);
    near(predictHoltWinters(line, 1).mean[0]!, 15, 1e-9, 'next');
  });

  it('refuses series too short for the model', () => {
    expect(() => holtWinters(new Array(23).fill(1), { kind: 'holt-winters', period: 12 })).to.throw(RangeError, /at least 25/);
    expect(() => holtWinters([1, 2], { kind: 'holt' })).to.throw(RangeError, /at least 3/);
    expect(() => holtWinters([1, 2, NaN], { kind: 'holt' })).to.throw(RangeError, /value 2/);
  });
});
