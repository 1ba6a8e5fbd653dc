import type { ColumnTable } from 'arquero';
import type { FrequencyRecencyT } from './bgnbd-data.js';
import { bgNbdCustomerLogLikelihood, bgNbdObjective, mbgNbdCustomerLogLikelihood, type BgNbdParams } from './bgnbd-likelihood.js';
import { fitModel, type FitReport, type FitSpec } from './fit-model.js';
import { paretoNbdCustomerLogLikelihood, paretoNbdObjective, type ParetoNbdParams } from './pnbd-likelihood.js';

export type BgNbdFit = BgNbdParams & FitReport;
export type MbgNbdFit = BgNbdParams & FitReport;
export type ParetoNbdFit = ParetoNbdParams & FitReport;

/** Starting points in scaled time (max T = 10), as (r, α, a, b). */
const BETA_GEOMETRIC_STARTS: readonly (readonly number[])[] = [
  [1, 1, 1, 1],
  [0.5, 5, 0.5, 2],
  [0.2, 0.5, 2, 5],
];

const BGNBD: FitSpec<BgNbdParams> = {
  what: 'fitBgNbd',
  names: ['r', 'alpha', 'a', 'b'],
  timeScaled: [1],
  starts: BETA_GEOMETRIC_STARTS,
  objective: (data) => bgNbdObjective(data, 0),
  customerLogLikelihood: bgNbdCustomerLogLikelihood,
  gradientTolerance: 1e-9,
};

const MBGNBD: FitSpec<BgNbdParams> = {
  ...BGNBD,
  what: 'fitMbgNbd',
  objective: (data) => bgNbdObjective(data, 1),
  customerLogLikelihood: mbgNbdCustomerLogLikelihood,
};

const PNBD: FitSpec<ParetoNbdParams> = {
  what: 'fitParetoNbd',
  names: ['r', 'alpha', 's', 'beta'],
  timeScaled: [1, 3],
  starts: [
    [1, 1, 1, 1],
    [0.5, 3, 0.5, 3],
    [0.2, 0.5, 2, 5],
  ],
  objective: paretoNbdObjective,
  customerLogLikelihood: paretoNbdCustomerLogLikelihood,
  // The gradient is by central differences (error ~1e-10): a tighter tolerance would only chase noise.
  gradientTolerance: 1e-8,
};

/** Maximum-likelihood BG/NBD (Fader, Hardie & Lee 2005); see `fitModel` for inputs and errors. */
export function fitBgNbd(input: FrequencyRecencyT | ColumnTable): BgNbdFit {
  return fitModel(BGNBD, input);
}

/** Maximum-likelihood MBG/NBD (Batislam, Denizel & Filiztekin 2007); see `fitModel` for inputs and errors. */
export function fitMbgNbd(input: FrequencyRecencyT | ColumnTable): MbgNbdFit {
  return fitModel(MBGNBD, input);
}

/** Maximum-likelihood Pareto/NBD (Schmittlein, Morrison & Colombo 1987); see `fitModel` for inputs and errors. */
export function fitParetoNbd(input: FrequencyRecencyT | ColumnTable): ParetoNbdFit {
  return fitModel(PNBD, input);
}
