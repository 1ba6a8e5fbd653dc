// @custom-elements-manifest/analyzer: the manifest documents every tag from the JSDoc on its class.
// package.json already names ./custom-elements.json; `packagejson: false` stops runs with another --outdir
// (the manifest test writes to .cache/cem) from rewriting that field.
export default {
  globs: ['src/components/**/*.ts'],
  litelement: true,
  packagejson: false,
  plugins: [
    {
      // The manifest is the public API: private and protected members (inherited into every widget) are left out.
      name: 'crm-public-api-only',
      packageLinkPhase({ customElementsManifest }) {
        for (const mod of customElementsManifest.modules)
          for (const d of mod.declarations ?? [])
            if (d.members) d.members = d.members.filter((m) => !m.privacy || m.privacy === 'public');
      },
    },
  ],
};
