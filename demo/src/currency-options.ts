/** Every currency Intl knows, with its name in the page's language, for the demo's currency search. */
export function currencyOptions(lang: string): [code: string, name: string][] {
  const codes = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('currency') : ['CNY', 'USD', 'EUR', 'GBP', 'JPY', 'BRL'];
  let names: Intl.DisplayNames | undefined;
  try {
    names = new Intl.DisplayNames(lang, { type: 'currency' });
  } catch {
    names = undefined;
  }
  return codes.map((code) => [code, names?.of(code) ?? code]);
}

/** The code a typed or picked value stands for ("brl", "BRL — Brazilian Real" → "BRL"), or null. */
export function currencyFromInput(value: string, known: readonly string[]): string | null {
  const code = value.trim().slice(0, 3).toUpperCase();
  return known.includes(code) ? code : null;
}
