// @custom-elements-manifest/analyzer: the manifest documents every tag from the JSDoc on its class.
// package.json already names ./custom-elements.json; `packagejson: false` stops runs with another --outdir
// (the manifest test writes to .cache/cem) from rewriting that field.
export default {
  globs: ['src/components/**/*.ts'],
  litelement: true,
  packagejson: false,
};
