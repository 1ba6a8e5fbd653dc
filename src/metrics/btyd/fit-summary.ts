import type { FitReport } from './fit-model.js';
import { btydModel, type ChurnModelName, type ModelParams } from './models.js';

/** Fewer customers than this (with T > 0) are not enough to fit four parameters. */
export const MIN_CUSTOMERS_TO_FIT = 10;
/** Fewer repeat buyers than this: the repeat and dropout rates rest on a handful of people; no fit. */
export const MIN_REPEAT_BUYERS_TO_FIT = 5;

export type ModelFit = ModelParams & FitReport;

/** Why a model could not be fitted (machine-readable), with an English explanation and the counts behind it. */
export interface FitUnavailable {
  reason: 'too-few-customers' | 'too-few-repeat-buyers' | 'fit-failed' | 'not-converged';
  message: string;
  /** For the `too-few-…` reasons: how many the data has and how many are needed (else 0 and 0). */
  have: number;
  need: number;
}

/**
 * Fits `model` on the customers of per-customer arrays observed for some time (T > 0: a customer first seen
 * on the analysis day carries no information), or says why it cannot: too few such customers, fewer than
 * `MIN_REPEAT_BUYERS_TO_FIT` repeat buyers, a fit that fails, ends with non-finite parameters or stalls
 * inside the parameter range (its numbers would look as confident as a good fit's). A fit whose optimum is
 * at a limit of the model (`atBoundary`) is kept: its predictions are the limit's. Shared by the predictions and the
 * holdout check so both apply the same rules.
 */
export function fitCustomers(
  name: ChurnModelName,
  frequency: Float64Array,
  recency: Float64Array,
  T: Float64Array,
): { fit: ModelFit; excluded: number } | FitUnavailable {
  const fitIndex: number[] = [];
  let repeatBuyers = 0;
  for (let i = 0; i < frequency.length; i++) {
    if (T[i] > 0) {
      fitIndex.push(i);
      if (frequency[i] > 0) repeatBuyers++;
    }
  }
  if (fitIndex.length < MIN_CUSTOMERS_TO_FIT) {
    return {
      reason: 'too-few-customers',
      have: fitIndex.length,
      need: MIN_CUSTOMERS_TO_FIT,
      message: `${fitIndex.length} customer(s) with history before the analysis day; at least ${MIN_CUSTOMERS_TO_FIT} are needed to fit the model.`,
    };
  }
  if (repeatBuyers < MIN_REPEAT_BUYERS_TO_FIT) {
    return {
      reason: 'too-few-repeat-buyers',
      have: repeatBuyers,
      need: MIN_REPEAT_BUYERS_TO_FIT,
      message: `${repeatBuyers} customer(s) bought on more than one day; at least ${MIN_REPEAT_BUYERS_TO_FIT} are needed to estimate repeat-purchase and churn rates.`,
    };
  }
  const model = btydModel(name);
  const pick = (a: Float64Array) => (fitIndex.length === a.length ? a : Float64Array.from(fitIndex, (i) => a[i]));
  let fit: ModelFit;
  try {
    fit = model.fit({ frequency: pick(frequency), recency: pick(recency), T: pick(T) });
  } catch (e) {
    return { reason: 'fit-failed', have: 0, need: 0, message: `${model.label} fit failed: ${(e as Error).message}` };
  }
  if (!Object.values(fit).every((v) => typeof v !== 'number' || Number.isFinite(v))) {
    return { reason: 'fit-failed', have: 0, need: 0, message: `${model.label} fit did not reach finite parameters.` };
  }
  if (!fit.converged && !fit.atBoundary) {
    return { reason: 'not-converged', have: 0, need: 0, message: `The ${model.label} fit did not converge (a parameter ran off to 0 or infinity, or the optimizer stalled).` };
  }
  return { fit, excluded: frequency.length - fitIndex.length };
}
