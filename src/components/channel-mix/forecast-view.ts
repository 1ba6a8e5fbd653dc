/**
 * How `<crm-channel-mix>` places a forecast on its trend: which trend column the first forecast period is (the
 * trailing partial period, or the one after the data) and which periods must be added after the data.
 */
import type { ChannelMixResult } from '../../metrics/channel/channel-mix.js';
import type { TrendPeriod } from '../../metrics/channel/periods.js';
import type { ForecastResult, SeriesForecast } from '../../metrics/forecast/forecast.js';

export interface ForecastPlacement {
  /** Trend column of forecast period 0. */
  start: number;
  /** Forecast periods after the trend's periods (drawn as extra columns). */
  extra: TrendPeriod[];
  /** The actual total of the column before `start`, null when there is none. */
  anchor: number | null;
}

export function forecastPlacement(mix: ChannelMixResult, fc: ForecastResult): ForecastPlacement {
  const first = fc.periods[0];
  const at = first ? mix.periods.findIndex((p) => p.iso === first.iso) : -1;
  const start = at >= 0 ? at : mix.periods.length;
  const extra = fc.periods.filter((p) => !mix.periods.some((q) => q.iso === p.iso));
  const last = fc.total.history.length - 1;
  return { start, extra, anchor: start > 0 && last >= 0 ? fc.total.history[last]! : null };
}

/** The forecast of one channel of the mix (by key), if the forecast has it. */
export function channelForecast(fc: ForecastResult, key: string | null): SeriesForecast | undefined {
  return fc.series.find((s) => s.key === key);
}
