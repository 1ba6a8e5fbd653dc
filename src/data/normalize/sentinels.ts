/**
 * Value parsers return plain numbers so hot loops stay monomorphic: a finite number is a value, `MISSING`
 * means "no value given" (null, undefined, blank), `INVALID` (NaN) means "a value that cannot be used".
 */
export const MISSING = Number.POSITIVE_INFINITY;
export const INVALID = Number.NaN;
