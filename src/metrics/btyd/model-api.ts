import type { ColumnTable } from 'arquero';
import type { FrequencyRecencyT } from './bgnbd-data.js';
import type { BgNbdParams } from './bgnbd-likelihood.js';
import { modelDiscountedPurchasesMany, modelLifetimeValue, modelLifetimeValueMany, type ModelClvInput, type ModelClvPopulationInput } from './clv.js';
import type { NumericColumn } from './customer-arrays.js';
import type { FitReport } from './fit-model.js';
import type { GammaGammaParams } from './gamma-gamma.js';
import { predictionApi, type PredictionApi } from './model-predict.js';
import { BGNBD_MODEL, MBGNBD_MODEL, PNBD_MODEL, type BtydModel } from './models.js';
import type { ParetoNbdParams } from './pnbd-likelihood.js';

/** Everything one model offers: fit, predictions and CLV, with the same names for every model. */
export interface ModelApi<P> extends PredictionApi<P> {
  /** Display name ("MBG/NBD", …). */
  label: string;
  fit(input: FrequencyRecencyT | ColumnTable): P & FitReport;
  /** Gamma-gamma value × discounted expected purchases over the horizon (see `customerLifetimeValue`). */
  customerLifetimeValue(input: ModelClvInput<P>): number;
  customerLifetimeValueMany(input: ModelClvPopulationInput<P> & { gammaGamma: GammaGammaParams; monetary: NumericColumn }): Float64Array;
  discountedExpectedPurchasesMany(input: ModelClvPopulationInput<P>): Float64Array;
}

function modelApi<P>(model: BtydModel<P>, prefix: string): ModelApi<P> {
  return {
    label: model.label,
    fit: model.fit,
    ...predictionApi(model, prefix),
    customerLifetimeValue: (input) => modelLifetimeValue(model, input, `${prefix}customerLifetimeValue`),
    customerLifetimeValueMany: (input) => modelLifetimeValueMany(model, input, `${prefix}customerLifetimeValueMany`),
    discountedExpectedPurchasesMany: (input) => modelDiscountedPurchasesMany(model, input, `${prefix}discountedExpectedPurchasesMany`),
  };
}

/** BG/NBD (Fader, Hardie & Lee 2005). The same functions are exported by name (`fitBgNbd`, `probabilityAlive`, …). */
export const bgNbd: ModelApi<BgNbdParams> = modelApi(BGNBD_MODEL, 'bgNbd.');
/** MBG/NBD (Batislam, Denizel & Filiztekin 2007): P(alive) < 1 also for customers who bought once. */
export const mbgNbd: ModelApi<BgNbdParams> = modelApi(MBGNBD_MODEL, 'mbgNbd.');
/** Pareto/NBD (Schmittlein, Morrison & Colombo 1987; Fader & Hardie 2005). */
export const paretoNbd: ModelApi<ParetoNbdParams> = modelApi(PNBD_MODEL, 'paretoNbd.');

/** BG/NBD predictions under their historical names (errors name the function without a prefix). */
export const { probabilityAlive, probabilityAliveMany, expectedPurchases, expectedPurchasesMany, expectedPurchasesByTime } = predictionApi(BGNBD_MODEL);
