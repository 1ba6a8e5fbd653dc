import type { ComplexAttributeConverter } from 'lit';

/**
 * Attribute converters for properties with a default: removing the attribute restores the default (Lit's own
 * converters set the property to `null`, which widgets would then have to treat as an invalid option).
 */
export function orDefault<T extends string>(fallback: T): ComplexAttributeConverter<T> {
  return { fromAttribute: (value) => (value ?? fallback) as T, toAttribute: (value) => value };
}

/** A number attribute with a default: removed (or empty) → the default; other text → NaN (the widget says so). */
export function numberOr(fallback: number): ComplexAttributeConverter<number> {
  return { fromAttribute: (value) => (value === null || value.trim() === '' ? fallback : Number(value)), toAttribute: (value) => String(value) };
}
