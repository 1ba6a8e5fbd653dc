/**
 * English texts of the errors a person can see in a widget's error state besides feed errors (those are in
 * src/data/messages): attribute and option values that cannot be used, exports, maps. The keys are the type;
 * `coded-error.ts` makes the errors, `errorText` (src/data/messages) shows them in the page's language.
 */
export const en = {
  // Widget attributes
  'attr-date': '{name}="{value}" is not a date: expected YYYY-MM-DD, e.g. 2024-03-31.',
  'attr-date-order': '{from}="{fromValue}" is after {to}="{toValue}".',
  'attr-bins': '{name}="{value}" is not a bin count or a list of thresholds: expected e.g. 5 or 30, 90, 180.',
  'attr-bins-one': 'bins="{value}" must be one number (2–10); thresholds go in recency-bins, frequency-bins or monetary-bins.',
  'attr-method': 'method="{value}" is not a binning method: expected quantile or ntile.',
  'attr-segments': 'segments="{value}" is not a segment preset: expected rfm or rf-grid.',
  'attr-lifecycle-mode': 'mode="{value}" is not a lifecycle mode: expected auto, observed or declared.',
  'attr-service-interval-json': 'service-interval="{value}" is not JSON: expected {expected}.',
  'attr-service-interval-object': 'service-interval="{value}" is not an object: expected {expected}.',
  'attr-service-interval': 'service-interval="{value}": {reason}.',
  'attr-churn-model': 'churn-model: expected one of {known}, found "{value}"',
  // Exports
  'export-no-chart': 'There is no chart to export: switch off "view as table" first.',
  'export-png-context': 'PNG export: this browser gave no 2D canvas context.',
  'export-png-encode': 'PNG export: the canvas could not be encoded.',
  // Maps
  'geo-http': 'HTTP {status}',
  'geo-not-json': 'the response is not JSON',
  'geo-not-collection': '{source}: expected a GeoJSON FeatureCollection, found {found}',
  'geo-feature': '{source}: feature {index} has no geometry or no properties.name',
  // Metric options
  'option-unknown': '{where}: unknown option "{key}". Known {what}: {known}.',
  'option-unknown-belongs': '{where}: unknown option "{key}". "{key}" belongs in the {home} settings: { {home}: { {key}: … } }. Known {what}: {known}.',
  'option-unknown-near': '{where}: unknown option "{key}". Did you mean "{near}"? Known {what}: {known}.',
  'asof-date': 'asOf: expected a YYYY-MM-DD date, found "{value}"',
  'asof-integer': 'asOf: expected an integer epoch day, found {value}',
  'asof-type': 'asOf: expected an epoch day or YYYY-MM-DD, found {value}',
  'asof-no-orders': 'asOf: cannot default to the day after the latest order: no orders',
  'rfm-bin-count': '{label}: expected a whole number of bins from {min} to {max}, found {value}',
  'rfm-threshold-count': '{label}: expected {minT}–{maxT} thresholds ({min}–{max} bins), found {value}',
  'rfm-threshold-number': '{label}[{index}]: expected a finite number, found {value}',
  'rfm-threshold-order': '{label}: thresholds must be strictly ascending ({previous} then {value})',
  'rfm-method': "rfm.method: expected 'quantile' or 'ntile', found {value}",
  'rfm-frequency-by': "rfm.frequencyBy: expected 'orders' or 'rows', found {value}",
  'segment-unknown': "filter.segments: unknown segment '{value}' (known: {known})",
  'lifecycle-mode': "lifecycle mode: expected 'auto', 'observed' or 'declared', found '{value}'",
  'lifecycle-stage-unknown': "lifecycle stage '{value}' is not defined (stages: {known})",
  'stages-empty': 'lifecycle: `stages` must list at least one stage',
  'stage-no-id': 'lifecycle: stage #{index} has no id',
  'stage-twice': "lifecycle: stage id '{id}' appears twice",
  'stage-rule': "lifecycle: stage '{id}' needs exactly one of `rule` or `test`",
  'stage-min-orders': "lifecycle: stage '{id}' has minOrders {value}; expected an integer ≥ 1",
  'lifecycle-declared-missing': "lifecycle mode 'declared' needs a customers table with a lifecycle_stage column",
  'interval': "interval: expected 'month' or 'week', found {value}",
  'measure': "measure: expected 'revenue' or 'orders', found {value}",
  'group-by-column': "group by '{column}': no such column in the orders or the customers table (orders has: {columns})",
  'group-by-orders-column': "group by '{column}': no such column in the orders table (orders has: {columns})",
  'date-range': '{name}: expected { start, end } epoch days with start ≤ end, found {value}',
  'positive-number': '{where}: expected a positive number, found {value}',
  'positive-integer': '{where}: expected a positive whole number, found {value}',
  'service-interval-shape': 'serviceInterval: expected { km, months, byMake? }, found {value}',
} as const;

export type ErrorMessageKey = keyof typeof en;
