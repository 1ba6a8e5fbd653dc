/** BTYD ("buy till you die") models: BG/NBD churn and purchase forecasts, gamma-gamma spend, CLV. */
export { lifetimeSummary, type LifetimeOptions, type LifetimeSummary, type OrdersInput } from './lifetime-summary.js';
export { fitBgNbd, type BgNbdFit } from './fit-bgnbd.js';
export { bgNbdCustomerLogLikelihood, type BgNbdParams } from './bgnbd-likelihood.js';
export type { FrequencyRecencyT } from './bgnbd-data.js';
export type { NumericColumn } from './customer-arrays.js';
export {
  probabilityAlive,
  probabilityAliveMany,
  expectedPurchases,
  expectedPurchasesMany,
  expectedPurchasesByTime,
} from './bgnbd-predict.js';
export {
  fitGammaGamma,
  expectedAverageValue,
  expectedAverageValueMany,
  type GammaGammaParams,
  type GammaGammaFit,
  type FrequencyMonetary,
} from './gamma-gamma.js';
export {
  customerLifetimeValue,
  customerLifetimeValueMany,
  discountedExpectedPurchasesMany,
  monthLength,
  type TimeUnit,
  type ClvHorizon,
  type ClvInput,
  type ClvPopulationInput,
} from './clv.js';
export {
  predictCustomers,
  MIN_CUSTOMERS_TO_FIT,
  MIN_REPEAT_BUYERS_FOR_SPEND,
  type PredictOptions,
  type PredictCustomersResult,
  type CustomerPredictions,
  type PredictionsUnavailable,
  type ClvValueMethod,
} from './predict-customers.js';
export { lgamma, digamma, hyp2f1 } from './special.js';
