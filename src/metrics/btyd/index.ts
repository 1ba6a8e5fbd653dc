/** BTYD ("buy till you die") models: BG/NBD churn and purchase forecasts, gamma-gamma spend, CLV. */
export { lifetimeSummary, type LifetimeOptions, type LifetimeSummary, type OrdersInput } from './lifetime-summary.js';
export { fitBgNbd, fitMbgNbd, fitParetoNbd, type BgNbdFit, type MbgNbdFit, type ParetoNbdFit } from './fit-bgnbd.js';
export type { FitReport } from './fit-model.js';
export { bgNbdCustomerLogLikelihood, mbgNbdCustomerLogLikelihood, type BgNbdParams } from './bgnbd-likelihood.js';
export { paretoNbdCustomerLogLikelihood, type ParetoNbdParams } from './pnbd-likelihood.js';
export { bgNbd, mbgNbd, paretoNbd, type ModelApi } from './model-api.js';
export type { PredictionApi } from './model-predict.js';
export { CHURN_MODELS, type ChurnModelName, type ModelParams } from './models.js';
export type { FrequencyRecencyT } from './bgnbd-data.js';
export type { NumericColumn } from './customer-arrays.js';
export {
  probabilityAlive,
  probabilityAliveMany,
  expectedPurchases,
  expectedPurchasesMany,
  expectedPurchasesByTime,
} from './model-api.js';
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
  type ModelClvInput,
  type ModelClvPopulationInput,
} from './clv.js';
export {
  predictCustomers,
  MIN_CUSTOMERS_TO_FIT,
  MIN_REPEAT_BUYERS_TO_FIT,
  MIN_REPEAT_BUYERS_FOR_SPEND,
  type PredictOptions,
  type PredictCustomersResult,
  type CustomerPredictions,
  type PredictionsUnavailable,
  type ClvValueMethod,
  type ModelChoice,
} from './predict-customers.js';
export {
  modelCheck,
  CHURN_MODEL_SETTINGS,
  DEFAULT_CHURN_MODEL,
  MIN_HOLDOUT_DAYS,
  MIN_REPEAT_BUYERS_FOR_CHECK,
  CHECK_BINS,
  type ChurnModelSetting,
  type ModelCheckOptions,
  type ModelCheck,
  type ModelCheckResult,
  type ModelCheckUnavailable,
  type ModelCheckEntry,
  type ModelCheckFailed,
  type ModelCheckRow,
  type ModelCheckTotal,
} from './model-check.js';
export type { ModelFit } from './fit-summary.js';
export { lgamma, digamma, hyp2f1 } from './special.js';
