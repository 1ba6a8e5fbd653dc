import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';
export default defineConfig({
  root: import.meta.dirname,
  base: './',
  // The one line Vue needs: crm-* tags are custom elements, not Vue components.
  plugins: [vue({ template: { compilerOptions: { isCustomElement: (tag) => tag.startsWith('crm-') } } })],
  build: { outDir: 'dist', emptyOutDir: true },
});
