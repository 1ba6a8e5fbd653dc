/**
 * Stands in for `acorn` (Arquero's JavaScript parser) in every build of the kit (vite.config.ts): crm-lens keeps
 * Arquero's tables and column access but compiles no Arquero expressions — they need `new Function`, which
 * strict Content-Security-Policies forbid anyway — so the 35 KB gzip parser is left out. An Arquero verb that
 * parses an expression (`filter('d => …')`, `derive`, `rollup`, `groupby` with functions…) throws this error.
 */
export function parse(): never {
  throw new Error(
    'crm-lens ships Arquero without its expression parser: use the columns (table.array(name)) or import arquero yourself for verbs with expressions.',
  );
}
