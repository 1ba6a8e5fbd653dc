import { defineConfig } from 'vite';
import angular from '@analogjs/vite-plugin-angular';
// Angular's own compiler (AOT, no JIT at run time) inside Vite, via Analog's plugin.
export default defineConfig({
  root: import.meta.dirname,
  base: './',
  plugins: [angular({ tsconfig: `${import.meta.dirname}/tsconfig.json` })],
  build: { outDir: 'dist', emptyOutDir: true },
});
