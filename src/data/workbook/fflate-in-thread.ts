/**
 * Stands in for `fflate` wherever crm-lens is built or tested (the `fflate` alias in vite.config.ts and
 * web-test-runner.config.mjs), for the one function that differs: fflate's asynchronous `unzip`, which
 * read-excel-file calls, inflates entries of 512 KB and more in Web Workers it builds from its own source text
 * (a `blob:` URL of `Function.prototype.toString` output). That is code made from strings: a strict
 * Content-Security-Policy (`script-src 'self'`, no `blob:` workers) blocks it, and the read would then never
 * finish. Workbooks are read in the feed worker already, so inflating in this thread costs the page nothing.
 */
import { unzipSync, type AsyncTerminable, type AsyncUnzipOptions, type FlateError, type UnzipCallback } from 'fflate/browser';

export * from 'fflate/browser';

/** fflate's `unzip` with its callback contract (called once, asynchronously; the terminator cancels), in-thread. */
export function unzip(data: Uint8Array, opts: AsyncUnzipOptions | UnzipCallback, cb?: UnzipCallback): AsyncTerminable {
  const callback = typeof opts === 'function' ? opts : cb!;
  const options = typeof opts === 'function' ? {} : opts;
  let cancelled = false;
  queueMicrotask(() => {
    if (cancelled) return;
    let files;
    try {
      files = unzipSync(data, options);
    } catch (error) {
      callback(error as FlateError, null as never);
      return;
    }
    callback(null, files);
  });
  return () => {
    cancelled = true;
  };
}
