import type { FitReport } from './fit-model.js';
import { btydModel, type ChurnModelName, type ModelParams } from './models.js';

/** Fewer customers than this (with T > 0) are not enough to fit four parameters. */
export const MIN_CUSTOMERS_TO_FIT = 10;

export type ModelFit = ModelParams & FitReport;

/** Why a model could not be fitted (machine-readable), with an English explanation and the counts behind it. */
export interface FitUnavailable {
  reason: 'too-few-customers' | 'no-repeat-purchases' | 'fit-failed';
  message: string;
}

/**
 * Fits `model` on the customers of per-customer arrays observed for some time (T > 0: a customer first seen
 * on the analysis day carries no information), or says why it cannot: too few such customers, no repeat
 * buyer at all, a fit that fails or ends with non-finite parameters. Shared by the predictions and the
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
      message: `${fitIndex.length} customer(s) with history before the analysis day; at least ${MIN_CUSTOMERS_TO_FIT} are needed to fit the model.`,
    };
  }
  if (repeatBuyers === 0) {
    return {
      reason: 'no-repeat-purchases',
      message: 'No customer bought on more than one day, so repeat-purchase and churn rates cannot be estimated.',
    };
  }
  const model = btydModel(name);
  const pick = (a: Float64Array) => (fitIndex.length === a.length ? a : Float64Array.from(fitIndex, (i) => a[i]));
  let fit: ModelFit;
  try {
    fit = model.fit({ frequency: pick(frequency), recency: pick(recency), T: pick(T) });
  } catch (e) {
    return { reason: 'fit-failed', message: `${model.label} fit failed: ${(e as Error).message}` };
  }
  if (!Object.values(fit).every((v) => typeof v !== 'number' || Number.isFinite(v))) {
    return { reason: 'fit-failed', message: `${model.label} fit did not reach finite parameters.` };
  }
  return { fit, excluded: frequency.length - fitIndex.length };
}
